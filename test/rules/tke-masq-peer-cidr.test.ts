import { fixture, ruleTester } from './fixture.js';

const id = 'tke-masq-peer-cidr';
const cluster = { kind: 'Cluster', name: 'tke-gz-prod' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-peer-covered-by-wider-block')],
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
