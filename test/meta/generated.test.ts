import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRulesSource, nodeScriptsSource, repoRoot, specItemsSource } from '../../scripts/lib/generated-sources.js';
import { factReference, generatedDocs } from '../../scripts/lib/render-docs.js';
import { ruleExamplesSource } from '../../scripts/lib/rule-examples.js';
import { builtinCatalogSource } from '../../scripts/lib/builtin-catalog-source.js';
import { builtinRuleDefinitions } from '../../src/catalog/builtin-catalog.generated.js';
import { builtinRuleSources } from '../../src/catalog/builtin-rules.generated.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { facts } from '../../src/facts/registry.js';

const read = (path: string) => (existsSync(join(repoRoot, path)) ? readFileSync(join(repoRoot, path), 'utf8') : undefined);

describe('generated files are current (run `npm run docs` when this fails)', () => {
  it('src/catalog/spec-items.generated.ts matches docs/sources/catalog.md', () => {
    expect(read('src/catalog/spec-items.generated.ts')).toBe(specItemsSource());
  });

  it('src/catalog/builtin-rules.generated.ts matches rules/', () => {
    expect(read('src/catalog/builtin-rules.generated.ts')).toBe(builtinRulesSource());
  });

  it('src/catalog/builtin-catalog.generated.ts matches rules/, parsed and checked', () => {
    expect(read('src/catalog/builtin-catalog.generated.ts')).toBe(builtinCatalogSource());
    // The precompiled definitions are exactly what loading the bundled texts gives (nothing lost in JSON).
    expect(builtinRuleDefinitions).toStrictEqual(loadCatalog(builtinRuleSources, { origin: 'builtin' }));
  });

  it('src/catalog/rule-examples.generated.ts matches the rules and their fixtures', async () => {
    expect(read('src/catalog/rule-examples.generated.ts')).toBe(await ruleExamplesSource());
  });

  it('src/node/capture/scripts.generated.ts matches src/node/capture/scripts/', () => {
    expect(read('src/node/capture/scripts.generated.ts')).toBe(nodeScriptsSource());
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
