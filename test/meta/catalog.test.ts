import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/generated-sources.js';
import { sourceHeadings } from '../../scripts/lib/source-copy.js';
import { builtinRules } from '../../src/catalog/builtin-catalog.js';
import { guidance } from '../../src/catalog/guidance.js';
import { specItems } from '../../src/catalog/spec-items.generated.js';
import { factsUsedBy } from '../../src/engine/rule-engine.js';
import { facts } from '../../src/facts/registry.js';
import { parsers } from '../../src/parsers/index.js';

const rules = builtinRules();
const fixtureDirs = (id: string) => {
  const dir = join(repoRoot, 'snapshots', 'rules', id);
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe('every rule', () => {
  it('has a test file, fires and silent fixtures, and its test names every fixture', () => {
    for (const rule of rules) {
      const testFile = join(repoRoot, 'test', 'rules', `${rule.id}.test.ts`);
      expect(existsSync(testFile), `${rule.id}: test/rules/${rule.id}.test.ts`).toBe(true);
      const dirs = fixtureDirs(rule.id);
      expect(dirs.some((d) => d.startsWith('fires-')), `${rule.id}: a fires-* snapshot`).toBe(true);
      expect(dirs.some((d) => d.startsWith('silent-')), `${rule.id}: a silent-* snapshot`).toBe(true);
      const test = readFileSync(testFile, 'utf8');
      for (const dir of dirs) expect(test, `${rule.id}: ${dir} used by its test`).toContain(`'${dir}'`);
    }
  });

  it('cites section headings copied verbatim from its source document', () => {
    for (const rule of rules) {
      for (const source of rule.source) {
        if (!('doc' in source)) throw new Error(`${rule.id}: a built-in rule cites { doc, section }`);
        expect(sourceHeadings(source.doc).has(source.section), `${rule.id}: «${source.section}» is a heading of ${source.doc} (docs/sources/headings/${source.doc}.txt)`).toBe(true);
      }
    }
  });

  it('cites spec ids of its own document (or x-* ones)', () => {
    for (const rule of rules) {
      const docs = new Set(rule.source.map((s) => ('doc' in s ? s.doc : undefined)));
      for (const id of rule.spec) {
        const item = specItems.find((i) => i.id === id)!;
        expect(item.doc === 'x' || docs.has(item.doc as never), `${rule.id}: spec ${id} belongs to ${item.doc}`).toBe(true);
      }
    }
  });
});

describe('fixtures and registries', () => {
  it('every snapshots/rules/<dir> belongs to a rule', () => {
    const ids = new Set(rules.map((r) => r.id));
    for (const dir of readdirSync(join(repoRoot, 'snapshots', 'rules'))) expect(ids.has(dir), dir).toBe(true);
  });

  // Facts kept for user-written rules: the cluster summary and the per-node views issue 4 asks for.
  const generalFacts = ['cluster', 'nodeCniConfig', 'nodeConntrack'];

  it('every registered fact is used by some rule, or is a general-purpose one', () => {
    const used = new Set([...generalFacts, ...rules.flatMap((r) => factsUsedBy(r).map((f) => f.id))]);
    for (const fact of facts) expect(used.has(fact.id), `${fact.id} is used`).toBe(true);
  });

  it('every guidance-only (G) spec item has its reason, and only those', () => {
    const g = specItems.filter((i) => i.kind === 'G').map((i) => i.id).sort();
    expect(Object.keys(guidance).sort()).toEqual(g);
  });

  it('every parser id equals its file name', () => {
    const origins = ['linux', 'windows', 'configs', 'cluster', 'cloud', 'logs'];
    for (const parser of parsers) {
      const homes = origins.filter((origin) => existsSync(join(repoRoot, 'src', 'parsers', origin, `${parser.id}.ts`)));
      expect(homes, parser.id).toHaveLength(1);
    }
  });
});
