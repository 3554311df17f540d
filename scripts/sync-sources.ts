/**
 * `npm run sync-sources` refreshes docs/sources/ (the spec catalog and the
 * heading lines of each source document) from ../shared/, this project's
 * source material beside the clone; with --check it only reports a stale copy.
 * Tests and `npm run docs` read the copy, never ../shared/.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot, sharedRoot } from './lib/generated-sources.js';
import { expectedSourceCopy, sharedPresent, sourcesDir } from './lib/source-copy.js';

const check = process.argv.includes('--check');
if (!sharedPresent()) {
  console.error(`${sharedRoot} not found: nothing to sync from; ${sourcesDir}/ is left as it is.`);
  process.exit(1);
}

const expected = expectedSourceCopy();
const walk = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])) : [];
const present = walk(join(repoRoot, sourcesDir)).map((f) => f.slice(repoRoot.length + 1).split('\\').join('/'));
const changed: string[] = [];

for (const [path, content] of expected) {
  const full = join(repoRoot, path);
  if (existsSync(full) && readFileSync(full, 'utf8') === content) continue;
  changed.push(path);
  if (check) continue;
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  console.log(`wrote ${path}`);
}
for (const path of present.filter((p) => !expected.has(p))) {
  changed.push(path);
  if (check) continue;
  rmSync(join(repoRoot, path));
  console.log(`removed ${path}`);
}

if (check && changed.length > 0) {
  console.error(`${sourcesDir}/ differs from ../shared/ (run npm run sync-sources):\n  ${changed.join('\n  ')}`);
  process.exit(1);
}
if (!check && changed.length > 0) console.log('now run `npm run docs`: the spec catalog feeds src/catalog/spec-items.generated.ts');
