import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { builtinRules } from '../../src/catalog/builtin-catalog.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import type { Report } from '../../src/findings/schema.js';

// Captures of real clusters nobody here wrote (provenance in each README.md), with reviewed golden reports.
const root = new URL('../../snapshots/real/', import.meta.url);
const captures = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

function golden(report: Report) {
  return {
    cluster: Object.fromEntries(Object.entries(report.snapshot.cluster).map(([k, v]) => [k, { value: v.value, from: v.from }])),
    findings: report.findings.map((f) => ({ ruleId: f.ruleId, messageId: f.messageId, severity: f.severity, subject: f.subject, data: f.data })),
    notEvaluated: report.notEvaluated.map((n) => ({ ruleId: n.ruleId, missing: n.missing.map((m) => m.capture) })),
    diagnostics: report.diagnostics.map((d) => ({ severity: d.severity, code: d.code, file: d.file, line: d.line })),
  };
}

const sizeOf = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? sizeOf(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);

describe('real cluster captures', () => {
  it('has at least 3 captures, each small and with its provenance', () => {
    expect(captures.length).toBeGreaterThanOrEqual(3);
    for (const name of captures) {
      expect(sizeOf(new URL(name, root).pathname), name).toBeLessThan(300 * 1024);
      const readme = readFileSync(new URL(`${name}/README.md`, root), 'utf8');
      expect(readme, name).toMatch(/Repository: https:\/\/github\.com\//);
      expect(readme, name).toMatch(/commit\s+`[0-9a-f]{40}`/);
      expect(readme, name).toMatch(/Licence: /);
    }
  });

  for (const name of captures) {
    it(`${name}: exactly its reviewed report`, async () => {
      const { snapshot, diagnostics } = await loadSnapshot(new URL(name, root).pathname);
      const report = await analyze(snapshot, { diagnostics });
      // Review changes like code: `npx vitest run test/real -u` rewrites them.
      await expect(`${JSON.stringify(golden(report), null, 2)}\n`).toMatchFileSnapshot(`../../snapshots/real/${name}.expected.json`);
    });

    it(`${name}: nothing asked of a rule that cannot apply`, async () => {
      const { snapshot, diagnostics } = await loadSnapshot(new URL(name, root).pathname);
      const report = await analyze(snapshot, { diagnostics });
      const { provider, cni } = report.snapshot.cluster;
      const oses = new Set(snapshot.nodes.map((n) => (n.os === 'windows' ? 'windows' : 'linux')));
      for (const entry of report.notEvaluated) {
        const rule = builtinRules().find((r) => r.id === entry.ruleId)!;
        if (provider && rule.appliesTo?.provider) expect(rule.appliesTo.provider, entry.ruleId).toContain(provider.value);
        if (cni && rule.appliesTo?.cni) expect(rule.appliesTo.cni, entry.ruleId).toContain(cni.value);
        if (snapshot.nodes.length > 0 && rule.appliesTo?.os) expect(rule.appliesTo.os.some((os) => oses.has(os)), entry.ruleId).toBe(true);
      }
    });
  }

  it('oneke-canal-nodes: the Flannel annotations rule checks the three Canal nodes and stays silent', async () => {
    const { snapshot, diagnostics } = await loadSnapshot(new URL('oneke-canal-nodes', root).pathname);
    const report = await analyze(snapshot, { diagnostics });
    expect(report.rules.find((r) => r.ruleId === 'rancher-flannel-annotations')).toMatchObject({ status: 'evaluated', subjects: 3, findings: 0 });
  });

  it('eks-vpc-cni-dump: the unread kube-proxy log is named, with the dump line its block starts on', async () => {
    const { snapshot, diagnostics } = await loadSnapshot(new URL('eks-vpc-cni-dump', root).pathname);
    const report = await analyze(snapshot, { diagnostics });
    expect(report.diagnostics.filter((d) => d.code === 'unread-file')).toEqual([
      expect.objectContaining({
        file: 'cluster-info-dump.txt',
        line: 6010,
        message: expect.stringContaining('no rule read the kube-proxy log of node ip-10-0-20-143.ec2.internal'),
      }),
    ]);
  });

  it('the clusters are told apart by what their objects show', async () => {
    const seen: Record<string, [string | undefined, string | undefined]> = {};
    for (const name of captures) {
      const { snapshot } = await loadSnapshot(new URL(name, root).pathname);
      seen[name] = [snapshot.cluster.provider?.value, snapshot.cluster.cni?.value];
    }
    expect(seen).toEqual({
      'aks-kubenet-nodes': ['aks', undefined],
      'charmed-k8s-openstack-pods': [undefined, undefined],
      'eks-vpc-cni-dump': ['eks', 'other'],
      'minikube-calico-vbox': ['generic', 'calico'],
      'minikube-kindnet-3-nodes': ['generic', 'other'],
      'oneke-canal-nodes': [undefined, 'canal'],
    });
  });
});
