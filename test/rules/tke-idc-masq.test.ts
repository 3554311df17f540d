import { fixture, ruleTester } from './fixture.js';

const id = 'tke-idc-masq';
const cluster = { kind: 'Cluster', name: 'tke-gz-prod' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-covered-by-wider-block')],
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
