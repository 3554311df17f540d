import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRulesSource, repoRoot, specItemsSource } from '../../scripts/lib/generated-sources.js';
import { factReference, generatedDocs } from '../../scripts/lib/render-docs.js';
import { facts } from '../../src/facts/registry.js';

const read = (path: string) => (existsSync(join(repoRoot, path)) ? readFileSync(join(repoRoot, path), 'utf8') : undefined);

describe('generated files are current (run `npm run docs` when this fails)', () => {
  it('src/catalog/spec-items.generated.ts matches docs/sources/catalog.md', () => {
    expect(read('src/catalog/spec-items.generated.ts')).toBe(specItemsSource());
  });

  it('src/catalog/builtin-rules.generated.ts matches rules/', () => {
    expect(read('src/catalog/builtin-rules.generated.ts')).toBe(builtinRulesSource());
  });

  for (const [path, content] of generatedDocs()) {
    it(path, () => expect(read(path)).toBe(content));
  }
});

describe('docs/facts.md documents every built-in fact', () => {
  // Computed once with the docs above (same module instance).
  it.each(facts.map((f) => f.id))('%s: its returned fields (from the TypeScript types) and an example value (from a snapshot)', (id) => {
    const { fields, examples } = factReference();
    expect(fields.get(id)?.length, `${id}: no defineFact({ id: '${id}', … }) with a typed compute found under src/facts/`).toBeGreaterThan(0);
    expect(examples.get(id), `${id}: no snapshot under snapshots/rules/ or snapshots/scenarios/ gives it a value; add one where it applies`).toBeDefined();
  });
});
