// Fixtures: cluster/overlay-test.txt in the form the document's script prints (`=> Start network overlay test`,
// kubectl's `command terminated with exit code 1`, `<A> cannot reach <B>`), with the document's example (NODE1 blocked)
// renamed to the fixture's nodes.
import { fixture, ruleTester } from './fixture.js';

const id = 'rancher-overlay-test';
const cluster = { kind: 'Cluster', name: 'rancher-rke-dc1' };
const isolated = (isolatedWhy: string) => ({
  messageId: 'nodeIsolated',
  subject: cluster,
  severity: 'error' as const,
  data: {
    file: 'cluster/overlay-test.txt',
    isolatedNodes: 'rke-node-1',
    isolatedDetail: 'rke-node-2 (line 3), rke-node-3 (line 5) cannot reach rke-node-1',
    isolatedWhy,
  },
  evidence: [{ fact: 'rancherOverlayTest', path: 'isolatedCount', actual: 1 }],
});

ruleTester.run(id, {
  // silent-firewall-explains: rke-node-1's own iptables-save drops UDP 8472, which rancher-required-ports reports.
  valid: [fixture(id, 'silent-all-reachable'), fixture(id, 'silent-firewall-explains')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-node-isolated'),
      findings: [isolated('rke-node-1: capture nodes/rke-node-1/iptables-save to see whether its host firewall blocks the overlay port')],
    },
    {
      snapshot: fixture(id, 'fires-isolated-firewall-open'),
      findings: [
        isolated(
          'rke-node-1: nodes/rke-node-1/iptables-save admits UDP 8472, so the block is outside the host firewall (a security group or a network device between the nodes; not from the document)',
        ),
      ],
    },
    {
      snapshot: fixture(id, 'fires-pair-failures'),
      findings: [
        {
          messageId: 'pairsFail',
          subject: cluster,
          severity: 'warning',
          data: { otherFailureCount: 2, otherFailures: 'rke-node-2 → rke-node-4 (line 3), rke-node-4 → rke-node-2 (line 5)' },
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-overlay-test'), capture: 'cluster/overlay-test.txt' }],
});
