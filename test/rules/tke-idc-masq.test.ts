import { expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { builtinRules } from '../../src/catalog/builtin-catalog.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import { fixture, ruleTester } from './fixture.js';

const id = 'tke-idc-masq';
const cluster = { kind: 'Cluster', name: 'tke-gz-prod' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-covered-by-wider-block'), fixture(id, 'silent-not-tke-iks')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-idc-not-listed'),
      findings: [
        {
          messageId: 'notCovered',
          subject: cluster,
          severity: 'error',
          data: {
            nonMasqueradeCIDRs: '172.16.0.0/16, 10.0.0.0/16',
            configMap: 'ConfigMap kube-system/ip-masq-agent-config',
            uncovered: 'IDC 192.168.100.0/22 (missing 192.168.100.0/22)',
          },
        },
      ],
    },
    {
      // upstream spelling (nonMasqueradeCIDRs, YAML) and a partial cover: only the uncovered half is reported.
      snapshot: fixture(id, 'fires-idc-half-covered'),
      findings: [{ messageId: 'notCovered', subject: cluster, data: { uncovered: 'IDC 10.10.0.0/16 (missing 10.10.128.0/17)' } }],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-idc-range'), capture: 'cluster.externalCIDRs' }],
});

it(`${id}: TKE only — on IKS with an IDC range declared it asks for no ip-masq-agent ConfigMap`, async () => {
  const { snapshot, diagnostics } = await loadSnapshot(fixture(id, 'silent-not-tke-iks'));
  const report = await analyze(snapshot, { diagnostics, rules: builtinRules().filter((r) => r.id === id) });
  expect(report.rules).toEqual([expect.objectContaining({ ruleId: id, status: 'not-applicable', subjects: 0, findings: 0 })]);
  expect(report.notEvaluated).toEqual([]);
  expect(report.findings).toEqual([]);
});
