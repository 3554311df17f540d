import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { parseRuleFile } from '../../src/catalog/load-catalog.js';
import { buildSnapshot } from '../../src/snapshot/build-snapshot.js';

// Two checks on one subject: one needs only the Node object, the other the node's dmesg.
const rule = parseRuleFile({
  file: 'rules/ack/ack-two-checks.yaml',
  text: `id: ack-two-checks
title: Two independent checks
severity: warning
subject: Node
spec: [ack-conntrack-full]
source: { doc: ack, section: 如何提升Linux连接跟踪Conntrack数量限制? }
needs: [nodes]
messages:
  annotations: "{{subject}} lacks {{missing}}"
  dropping: "{{subject}} drops packets"
data:
  missing: nodeFlannelAnnotations.missing
checks:
  - messageId: annotations
    conditions: { all: [{ fact: nodeFlannelAnnotations, path: missingCount, operator: greaterThan, value: 0 }] }
  - messageId: dropping
    conditions: { all: [{ fact: conntrackTableFull, path: count, operator: greaterThan, value: 0 }] }
remediation: n/a
`,
});

const node = (name: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, annotations: {} } });

describe('evaluateCatalog', () => {
  it('runs each check on its own: a check lacking data does not hide one that can run', async () => {
    const { snapshot } = buildSnapshot([
      { path: 'nodes.json', text: JSON.stringify({ kind: 'List', apiVersion: 'v1', items: [node('a'), node('b')] }) },
      { path: 'nodes/b/dmesg', text: '[ 1.0] nf_conntrack: table full, dropping packet\n' },
    ]);
    const report = await analyze(snapshot, { rules: [rule] });
    expect(report.findings.map((f) => [f.messageId, f.subject.name])).toEqual([
      ['annotations', 'a'],
      ['annotations', 'b'],
      ['dropping', 'b'],
    ]);
    expect(report.notEvaluated).toEqual([
      expect.objectContaining({ ruleId: 'ack-two-checks', capture: 'nodes/<node>/dmesg (dmesg -T on each node)', subjects: [{ kind: 'Node', name: 'a', node: 'a' }] }),
    ]);
    expect(report.rules).toEqual([{
      ruleId: 'ack-two-checks',
      status: 'partial',
      subjects: 2,
      findings: 3,
      checked: [{ kind: 'Node', name: 'a', node: 'a' }, { kind: 'Node', name: 'b', node: 'b' }],
    }]);
  });

  it('reports a rule whose required data is absent as not evaluated, with what to capture', async () => {
    const report = await analyze(buildSnapshot([]).snapshot, { rules: [rule] });
    expect(report.findings).toEqual([]);
    expect(report.notEvaluated).toEqual([expect.objectContaining({ ruleId: 'ack-two-checks', reason: 'missing-data', capture: 'kubectl get nodes -o json > nodes.json', subjects: [] })]);
    expect(report.rules[0]?.status).toBe('not-evaluated');
  });
});
