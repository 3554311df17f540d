/**
 * An example value for every fact: computed from this repository's snapshots (snapshots/rules/**,
 * snapshots/scenarios/*) for the subjects the selectors of the rules using the fact pick (the
 * kind's default selector when no rule uses it), keeping the value with the most non-empty fields
 * (the first such, in path order). Real output, so the examples cannot drift from the code.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtinRules } from '../../src/catalog/builtin-catalog.js';
import type { Fact, Selector } from '../../src/facts/define.js';
import { defaultSelector, selectorsById } from '../../src/facts/selectors.js';
import { factsUsedBy } from '../../src/engine/rule-engine.js';
import { indexSnapshot } from '../../src/facts/snapshot-index.js';
import type { Subject } from '../../src/facts/subjects.js';
import { findingSubject } from '../../src/findings/build-finding.js';
import { buildSnapshot } from '../../src/snapshot/build-snapshot.js';
import { repoRoot } from './generated-sources.js';

export interface FactExample {
  value: unknown;
  /** `snapshots/rules/x-svc-no-endpoints/fires-selector-and-readiness`, Service shop/cart */
  snapshot: string;
  subject: string;
}

const maxSubjects = 25;

function snapshotDirs(): string[] {
  const under = (dir: string) =>
    readdirSync(join(repoRoot, dir))
      .sort()
      .map((name) => join(dir, name))
      .filter((path) => statSync(join(repoRoot, path)).isDirectory());
  return [...under('snapshots/rules').flatMap(under), ...under('snapshots/scenarios')];
}

function filesOf(root: string): Array<{ path: string; bytes: Uint8Array }> {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return walk(root).map((full) => ({ path: relative(root, full).split('\\').join('/'), bytes: readFileSync(full) }));
}

/** Non-empty leaves: how much an example shows. */
function richness(value: unknown): number {
  if (value === null || value === undefined || value === '' || value === false || value === 0) return 0;
  if (Array.isArray(value)) return value.length === 0 ? 0 : 1 + richness(value[0]);
  if (typeof value === 'object') return Object.values(value).reduce<number>((sum, v) => sum + richness(v), 0);
  return 1;
}

/** fact id → the selectors that pick its subjects in the built-in rules. */
function selectorsOfFacts(facts: readonly Fact[]): Map<string, Selector[]> {
  const out = new Map<string, Set<string>>();
  for (const rule of builtinRules()) {
    for (const fact of factsUsedBy(rule)) {
      const selector = fact.subject === rule.subject ? (rule.select ?? defaultSelector[rule.subject]) : defaultSelector[fact.subject];
      out.set(fact.id, (out.get(fact.id) ?? new Set()).add(selector));
    }
  }
  return new Map(facts.map((f) => [f.id, [...(out.get(f.id) ?? [defaultSelector[f.subject]])].sort().map((id) => selectorsById.get(id)!)]));
}

export function factExamples(facts: readonly Fact[]): Map<string, FactExample> {
  const best = new Map<string, FactExample & { score: number }>();
  const selectors = selectorsOfFacts(facts);
  for (const dir of snapshotDirs()) {
    const { snapshot } = buildSnapshot(filesOf(join(repoRoot, dir)));
    const index = indexSnapshot(snapshot);
    for (const fact of facts) {
      const subjects = new Set(selectors.get(fact.id)!.flatMap((s) => s.select(index) as Subject[]));
      for (const subject of [...subjects].slice(0, maxSubjects)) {
        let value: unknown;
        try {
          value = fact.compute(subject as never, index);
        } catch {
          continue; // MissingDataError: this snapshot lacks the data; the fact's own tests cover other throws.
        }
        const score = richness(value);
        if (value === undefined || score <= (best.get(fact.id)?.score ?? -1)) continue;
        const s = findingSubject(subject);
        best.set(fact.id, { value, score, snapshot: dir, subject: `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}` });
      }
    }
  }
  return new Map([...best].map(([id, { score: _score, ...example }]) => [id, example]));
}
