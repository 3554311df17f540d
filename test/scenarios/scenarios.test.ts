import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import type { Report } from '../../src/findings/schema.js';

const root = new URL('../../snapshots/scenarios/', import.meta.url);
const scenarios = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

/** What a scenario's golden file pins: every finding, every gap, every input problem. */
function golden(report: Report) {
  return {
    findings: report.findings.map((f) => ({ ruleId: f.ruleId, messageId: f.messageId, severity: f.severity, subject: f.subject, data: f.data })),
    notEvaluated: report.notEvaluated.map((n) => ({
      ruleId: n.ruleId,
      missing: n.missing.map((m) => ({ capture: m.capture, ...(m.checks ? { checks: m.checks } : {}), subjects: m.subjects.map((s) => s.name) })),
    })),
    diagnostics: report.diagnostics.map((d) => ({ severity: d.severity, code: d.code, file: d.file, line: d.line })),
    rules: Object.fromEntries(report.rules.map((r) => [r.ruleId, r.status])),
  };
}

describe('scenario snapshots produce exactly their golden findings', () => {
  it('has scenarios', () => expect(scenarios.length).toBeGreaterThanOrEqual(2));

  for (const name of scenarios) {
    it(name, async () => {
      const { snapshot, diagnostics } = await loadSnapshot(new URL(name, root).pathname);
      const report = await analyze(snapshot, { diagnostics });
      // Review changes to these files like code: `npx vitest run test/scenarios -u` rewrites them.
      await expect(`${JSON.stringify(golden(report), null, 2)}\n`).toMatchFileSnapshot(`../../snapshots/scenarios/${name}.expected.json`);
    });
  }

  it('win-flannel-rejoined-node: the rejoined Windows node\'s stale SourceVip, old subnet.env and too-broad ExceptionList', async () => {
    const { snapshot, diagnostics } = await loadSnapshot(new URL('win-flannel-rejoined-node', root).pathname);
    const report = await analyze(snapshot, { diagnostics });
    const problems = report.findings.filter((f) => f.severity !== 'info');
    expect(problems.map((f) => [f.ruleId, f.subject.name, f.data])).toEqual([
      [
        'win-exceptionlist-external',
        'win-worker-2',
        expect.objectContaining({ entries: '10.0.0.0/8', summary: '10.0.0.0/8 swallows 10.0.0.0/10, 10.64.0.0/11, 10.112.0.0/13 and 18 more ranges' }),
      ],
      ['win-flannel-stale-sourcevip', 'win-worker-2', { address: '10.244.4.2', podCIDR: '10.244.5.0/24', file: 'nodes/win-worker-2/sourcevip.json' }],
      ['win-flannel-subnet-env', 'win-worker-2', expect.objectContaining({ subnetLine: '10.244.4.1/24', podCIDR: '10.244.5.0/24', network: '10.244.0.0/16' })],
    ]);
    // The guide's general advice for clusters with Windows nodes.
    expect(report.findings.filter((f) => f.severity === 'info').map((f) => f.ruleId)).toEqual(['win-icmp-unsupported', 'win-network-topology', 'win-service-ip-from-node']);
  });

  it('bad-input: every unreadable file is a diagnostic, the rest is still analysed', async () => {
    const { snapshot, diagnostics } = await loadSnapshot(new URL('bad-input', root).pathname);
    // The UTF-16LE + CRLF PowerShell process list reads as plain text.
    expect(snapshot.nodeOutputs['win-worker-1']?.commands.processes?.text).toContain(
      'C:\\k\\kube-proxy.exe --v=4 --proxy-mode=kernelspace --hostname-override=win-worker-1',
    );
    const report = await analyze(snapshot, { diagnostics });
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).toEqual(['broken.yaml', 'nodes/k8s-master/dmesg', 'services.json']);
    // Besides the Windows guide's info advice for clusters with Windows nodes.
    expect(report.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId)).toEqual(['win-exceptionlist-coverage']);
    expect(report.notEvaluated.find((n) => n.ruleId === 'x-svc-no-endpoints' && n.missing.some((m) => m.capture.includes('services.json')))).toBeDefined();
  });
});
