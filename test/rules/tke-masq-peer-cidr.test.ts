import { expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { builtinRules } from '../../src/catalog/builtin-catalog.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import { fixture, ruleTester } from './fixture.js';

const id = 'tke-masq-peer-cidr';
const cluster = { kind: 'Cluster', name: 'tke-gz-prod' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-peer-covered-by-wider-block'), fixture(id, 'silent-not-tke-eks')],
  invalid: [
    {
      // the IDC entry is covered (tke-idc-masq's business); the entry named "peer-…" is not
      snapshot: fixture(id, 'fires-peer-not-listed'),
      findings: [
        {
          messageId: 'peerNotCovered',
          subject: cluster,
          severity: 'error',
          data: {
            nonMasqueradeCIDRs: '172.16.0.0/16, 10.0.0.0/16, 192.168.100.0/22',
            configMap: 'ConfigMap kube-system/ip-masq-agent-config',
            uncovered: 'peer-cluster gz-data pods 172.20.0.0/16 (missing 172.20.0.0/16)',
          },
          evidence: [{ fact: 'ipMasqAgentPeerCoverage', path: 'uncovered' }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-peer-range'), capture: 'kind: peer-pods', subjects: ['tke-gz-prod'] }],
});

it(`${id}: TKE only — fires-peer-not-listed's ConfigMap and peer range on EKS give no finding and ask for nothing`, async () => {
  const status = async (name: string) => {
    const { snapshot, diagnostics } = await loadSnapshot(fixture(id, name));
    const report = await analyze(snapshot, { diagnostics, rules: builtinRules().filter((r) => r.id === id) });
    return { rule: report.rules[0], findings: report.findings.length, notEvaluated: report.notEvaluated.length };
  };
  expect(await status('silent-not-tke-eks')).toEqual({ rule: expect.objectContaining({ status: 'not-applicable', subjects: 0 }), findings: 0, notEvaluated: 0 });
  expect(await status('fires-peer-not-listed')).toEqual({ rule: expect.objectContaining({ status: 'evaluated', subjects: 1 }), findings: 1, notEvaluated: 0 });
});
