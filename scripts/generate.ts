/**
 * Writes every generated file (or, with --check, fails when one is stale):
 * the spec-id table and built-in rule texts under src/catalog/, and docs/.
 * Sources are generated first, then docs are rendered from the fresh modules.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { builtinRulesSource, nodeScriptsSource, repoRoot, specItemsSource } from './lib/generated-sources.js';

const check = process.argv.includes('--check');
const stale: string[] = [];

function emit(path: string, content: string): void {
  const full = join(repoRoot, path);
  const current = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  if (current === content) return;
  if (check) return void stale.push(path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  console.log(`wrote ${path}`);
}

emit('src/catalog/spec-items.generated.ts', specItemsSource());
emit('src/catalog/builtin-rules.generated.ts', builtinRulesSource());
emit('src/node/capture/scripts.generated.ts', nodeScriptsSource());
const { builtinCatalogSource } = await import('./lib/builtin-catalog-source.js');
emit('src/catalog/builtin-catalog.generated.ts', builtinCatalogSource());

// Examples for `explain`: each rule's first finding on its fixture, from the fresh catalog.
const { ruleExamplesSource } = await import('./lib/rule-examples.js');
emit('src/catalog/rule-examples.generated.ts', await ruleExamplesSource());

const { generatedDocs } = await import('./lib/render-docs.js');
for (const [path, content] of generatedDocs()) emit(path, content);

if (stale.length > 0) {
  console.error(`stale generated files (run npm run docs):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
