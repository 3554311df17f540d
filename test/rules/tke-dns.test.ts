import { fixture, ruleTester } from './fixture.js';

const id = 'tke-dns';
const kubeDns = { kind: 'Service', namespace: 'kube-system', name: 'kube-dns' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-dns-healthy')],
  invalid: [
    {
      // kube-dns re-applied without dns-tcp, and 10.0.0.13 lost the 53/UDP rule (9153/TCP metrics is not checked).
      snapshot: fixture(id, 'fires-tcp-port-and-node-rule-missing'),
      findings: [
        {
          messageId: 'nodeRulesMissing',
          subject: kubeDns,
          severity: 'error',
          data: { clusterIPMissingNodes: 1, nodesChecked: 2, clusterIPMissing: 'kube-system/kube-dns:dns 172.17.252.10:53/UDP on 10.0.0.13' },
          evidence: [{ fact: 'serviceKubeProxyRules', path: 'missingPorts', actual: ['53/UDP'] }],
        },
        {
          messageId: 'port53Missing',
          subject: kubeDns,
          severity: 'error',
          data: { servicePortsMissing: '53/TCP', ports: '53/UDP (dns), 9153/TCP (metrics)' },
        },
      ],
    },
    {
      // CoreDNS pods crash-looping: only notReadyAddresses; kube-proxy REJECTs port 53, which is programmed, not missing.
      snapshot: fixture(id, 'fires-no-ready-endpoints'),
      findings: [{ messageId: 'noReadyEndpoints', subject: kubeDns, severity: 'critical', data: { endpointObjects: 'Endpoints kube-system/kube-dns' } }],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-endpoints'), capture: 'endpoints.json' }],
});
