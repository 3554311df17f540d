import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Condition } from '../../src/catalog/rule-schema.js';
import { parseRuleFile } from '../../src/catalog/load-catalog.js';
import { defineOperator } from '../../src/engine/define-operator.js';
import { MissingDataError } from '../../src/errors.js';
import { defineFact } from '../../src/facts/define.js';
import type { Report } from '../../src/findings/schema.js';
import { definePlugin } from '../../src/plugins/define-plugin.js';
import { buildSnapshot } from '../../src/snapshot/build-snapshot.js';

// run-memo.ts answers a subject with json-rules-engine's run for an earlier subject whose conditions read the
// same values. These tests hold it to the engine itself: the same report, and the same facts computed for the
// same subjects, as the engine without the memo — which a plugin's operator turns off (the memo trusts only
// pure built-in operators), so the same rule written with `pluginEqual` instead of `equal` is the reference.

type Cell = { v?: unknown } | 'missing' | 'missing-other' | 'broken';
const factIds = ['memoA', 'memoB', 'memoC'] as const;

function pluginFor(priorities: readonly number[], table: ReadonlyMap<string, readonly Cell[]>, computed: string[]) {
  return definePlugin({
    name: 'memo-test',
    facts: factIds.map((id, i) =>
      defineFact({
        id,
        subject: 'Node',
        description: `test fact ${id}`,
        reads: ['a table'],
        ...(priorities[i] !== 1 ? { priority: priorities[i]! } : {}),
        compute: (node) => {
          computed.push(`${id}:${node.name}`);
          const cell = table.get(node.name)![i]!;
          if (cell === 'missing') throw new MissingDataError(`nodes/<node>/${id}`);
          if (cell === 'missing-other') throw new MissingDataError(`nodes/<node>/${id}-other`);
          if (cell === 'broken') throw new Error(`${id} broke`);
          return cell;
        },
      }),
    ),
    operators: [
      defineOperator<unknown, unknown>({
        name: 'pluginEqual',
        description: 'fact === value (json-rules-engine equal, as a plugin operator)',
        factType: 'any',
        valueType: 'any',
        evaluate: (fact, value) => fact === value,
        example: { fact: 'memoA', path: 'v', operator: 'pluginEqual', value: 1 },
      }),
      defineOperator<unknown, unknown>({
        name: 'pluginGreaterThan',
        description: 'fact > value (json-rules-engine greaterThan, as a plugin operator)',
        factType: 'number',
        valueType: 'number',
        evaluate: (fact, value) => Number.parseFloat(String(fact)).toString() !== 'NaN' && (fact as number) > (value as number),
        example: { fact: 'memoA', path: 'v', operator: 'pluginGreaterThan', value: 1 },
      }),
    ],
  });
}

const ruleYaml = (id: string, checks: readonly Condition[]) => `id: ${id}
title: memo test
severity: warning
subject: Node
spec: [ack-conntrack-full]
source: { doc: ack, section: test }
needs: [nodes]
messages:
${checks.map((_, i) => `  c${i}: "{{subject}} c${i}"`).join('\n')}
data: {}
checks:
${checks.map((c, i) => `  - messageId: c${i}\n    conditions: ${JSON.stringify(c)}`).join('\n')}
remediation: n/a
`;

const toPlugin = (c: Condition): Condition => {
  if ('all' in c) return { all: c.all.map(toPlugin) };
  if ('any' in c) return { any: c.any.map(toPlugin) };
  if ('not' in c) return { not: toPlugin(c.not) };
  return { ...c, operator: c.operator === 'equal' ? 'pluginEqual' : 'pluginGreaterThan' };
};

const leaf: fc.Arbitrary<Condition> = fc.record({
  fact: fc.constantFrom(...factIds),
  path: fc.constantFrom('v', 'v.w'),
  operator: fc.constantFrom('equal', 'greaterThan'),
  value: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constantFrom('x', true), fc.record({ fact: fc.constantFrom(...factIds), path: fc.constant('v') })),
}) as never;
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('c').map((not) => ({ not })),
  ),
})).c;
const topLevel = fc.oneof(
  fc.array(condition, { minLength: 1, maxLength: 3 }).map((all) => ({ all }) as Condition),
  fc.array(condition, { minLength: 1, maxLength: 3 }).map((any) => ({ any }) as Condition),
);
const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 2 }).map((v) => ({ v })) },
  { weight: 1, arbitrary: fc.constant({ v: { w: 1 } }) },
  { weight: 2, arbitrary: fc.constantFrom('x', 'y').map((v) => ({ v })) },
  { weight: 2, arbitrary: fc.boolean().map((v) => ({ v })) },
  { weight: 1, arbitrary: fc.constant({ v: null }) },
  { weight: 1, arbitrary: fc.constant({}) },
  { weight: 2, arbitrary: fc.constantFrom<Cell>('missing', 'missing-other') },
  { weight: 1, arbitrary: fc.constant<Cell>('broken') },
);

/** The report without the rule id (the two rules differ only in it and their operators' names). */
const comparable = (report: Report) =>
  JSON.parse(
    JSON.stringify({ findings: report.findings, notEvaluated: report.notEvaluated, rules: report.rules, diagnostics: report.diagnostics })
      .replaceAll('memo-ref', 'memo-rule')
      .replaceAll('pluginEqual', 'equal')
      .replaceAll('pluginGreaterThan', 'greaterThan'),
  );

describe('run-memo: the same report and the same facts computed as json-rules-engine alone', () => {
  it('random checks, priorities and fact values over many subjects', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(topLevel, { minLength: 1, maxLength: 3 }),
        fc.tuple(fc.constantFrom(1, 2, 10), fc.constantFrom(1, 2), fc.constantFrom(1, 5)),
        // Few distinct rows, many subjects: the memo is asked and serves.
        fc.array(fc.tuple(cell, cell, cell), { minLength: 2, maxLength: 6 }),
        fc.array(fc.nat(), { minLength: 20, maxLength: 60 }),
        async (checks, priorities, rows, picks) => {
          const names = picks.map((_, i) => `n${i}`);
          const table = new Map(names.map((name, i) => [name, rows[picks[i]! % rows.length]!]));
          const { snapshot } = buildSnapshot([
            { path: 'nodes.json', text: JSON.stringify({ kind: 'List', apiVersion: 'v1', items: names.map((name) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name } })) }) },
          ]);
          const computedMemo: string[] = [];
          const computedRef: string[] = [];
          const memoPlugin = pluginFor(priorities, table, computedMemo);
          const refPlugin = pluginFor(priorities, table, computedRef);
          const memoRule = parseRuleFile({ file: 'memo-rule.yaml', text: ruleYaml('memo-rule', checks) }, { plugins: [memoPlugin] });
          const refRule = parseRuleFile({ file: 'memo-ref.yaml', text: ruleYaml('memo-ref', checks.map(toPlugin)) }, { plugins: [refPlugin] });
          const memo = await analyze(snapshot, { rules: [memoRule], plugins: [memoPlugin] });
          const ref = await analyze(snapshot, { rules: [refRule], plugins: [refPlugin] });
          expect(comparable(memo)).toEqual(comparable(ref));
          expect(new Set(computedMemo)).toEqual(new Set(computedRef));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('serves the subjects whose conditions read the same values (a fact computed later is not computed first)', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `n${i}`);
    // memoA (priority 2) decides; memoB (priority 1, lacking its data everywhere) is read only where memoA.v is 1.
    const table = new Map(names.map((name, i) => [name, [{ v: i % 4 === 0 ? 1 : 0 }, 'missing', { v: 0 }] as Cell[]]));
    const computed: string[] = [];
    const plugin = pluginFor([2, 1, 1], table, computed);
    const check: Condition = { all: [{ fact: 'memoA', path: 'v', operator: 'equal', value: 1 }, { fact: 'memoB', path: 'v', operator: 'equal', value: 0 }] };
    const rule = parseRuleFile({ file: 'memo-rule.yaml', text: ruleYaml('memo-rule', [check]) }, { plugins: [plugin] });
    const runs = vi.spyOn(Engine.prototype, 'run');
    const report = await analyze(snapshot(names), { rules: [rule], plugins: [plugin] });
    // Two sets of values (memoA.v 0; memoA.v 1 with memoB lacking data): json-rules-engine ran twice for 40 subjects.
    expect(runs).toHaveBeenCalledTimes(2);
    runs.mockRestore();
    expect(computed.filter((c) => c.startsWith('memoB')).sort()).toEqual(names.filter((_, i) => i % 4 === 0).map((n) => `memoB:${n}`).sort());
    const lacking = names.filter((_, i) => i % 4 === 0);
    expect(report.notEvaluated[0]!.missing).toEqual([
      { reason: 'missing-data', capture: 'nodes/<node>/memoB', subjects: expect.arrayContaining(lacking.map((name) => ({ kind: 'Node', name, node: name }))) },
    ]);
    expect(report.notEvaluated[0]!.missing[0]!.subjects).toHaveLength(lacking.length);
    expect(report.rules[0]).toMatchObject({ status: 'partial', subjects: 40, findings: 0 });
  });
});

function snapshot(names: readonly string[]) {
  return buildSnapshot([
    { path: 'nodes.json', text: JSON.stringify({ kind: 'List', apiVersion: 'v1', items: names.map((name) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name } })) }) },
  ]).snapshot;
}
