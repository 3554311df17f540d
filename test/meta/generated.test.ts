import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRulesSource, repoRoot, specItemsSource } from '../../scripts/lib/generated-sources.js';
import { generatedDocs } from '../../scripts/lib/render-docs.js';

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
