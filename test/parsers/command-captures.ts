import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Every captured output of these commands: the parser's fixtures under
 * test/fixtures/outputs/<fixtureDir>/ and each rule snapshot node's file, relative to the repository.
 */
export function commandCaptures(fixtureDir: string, commands: readonly string[]): string[] {
  const outputs = join(repoRoot, 'test/fixtures/outputs', fixtureDir);
  const rules = join(repoRoot, 'snapshots/rules');
  const files = readdirSync(outputs).map((f) => join(outputs, f));
  for (const rule of readdirSync(rules)) {
    for (const variant of readdirSync(join(rules, rule))) {
      const nodes = join(rules, rule, variant, 'nodes');
      if (!existsSync(nodes)) continue;
      for (const node of readdirSync(nodes)) {
        for (const command of commands) {
          const file = join(nodes, node, command);
          if (existsSync(file)) files.push(file);
        }
      }
    }
  }
  return files.map((f) => relative(repoRoot, f));
}
