import { fixture, ruleTester } from './fixture.js';

const id = 'ack-third-party-cni';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-terway-only')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-calico-beside-terway'),
      findings: [
        {
          messageId: 'unsupportedCni',
          subject: { kind: 'Cluster', name: 'ack-hz-prod' },
          severity: 'warning',
          data: {
            unsupported: 'calico (DaemonSet kube-system/calico-node)',
            ackPlugin: 'terway',
            cniDaemonSets: 'terway (DaemonSet kube-system/terway-eniip), calico (DaemonSet kube-system/calico-node)',
          },
          evidence: [{ fact: 'thirdPartyCni', path: 'unsupportedCount', actual: 1 }],
        },
      ],
    },
  ],
  notEvaluated: [
    {
      // Nodes only: ACK is known from the providerID, but no DaemonSet or pod was captured.
      snapshot: fixture(id, 'not-evaluated-no-daemonsets'),
      capture: 'kubectl get daemonsets -A -o json',
      subjects: ['ack-hz-prod'],
    },
  ],
});
