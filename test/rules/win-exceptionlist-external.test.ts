import { fixture, ruleTester } from './fixture.js';

const id = 'win-exceptionlist-external';
const node = { kind: 'Node', name: 'win-worker-1' };
const file = 'nodes/win-worker-1/cni/cni.conf';

// cni.conf in the ConvertTo-Json layout of test/fixtures/outputs/cni/windows-flannel-overlay.conf (microsoft/SDN).
ruleTester.run(id, {
  valid: [fixture(id, 'silent-guide-list')],
  invalid: [
    {
      // 10.0.0.0/8 covers the declared hz-idc 10.10.0.0/16 (reported as that, not also as too broad);
      // 192.168.0.0/16 is in none of the cluster's ranges.
      snapshot: fixture(id, 'fires-ten-slash-eight-and-other-lan'),
      findings: [
        {
          messageId: 'coversExternal',
          subject: node,
          severity: 'error',
          data: { externalEntries: '10.0.0.0/8', externalSummary: '10.0.0.0/8 covers hz-idc 10.10.0.0/16', file },
          evidence: [{ fact: 'windowsExceptionListExternal', path: 'coversExternalCount', actual: 1 }],
        },
        {
          messageId: 'tooBroad',
          subject: node,
          data: { entries: '192.168.0.0/16', summary: '192.168.0.0/16 swallows 192.168.0.0/16', clusterRanges: '10.244.0.0/16, 10.96.0.0/12, 10.127.130.0/24', tooBroadFile: file },
          evidence: [{ fact: 'windowsExceptionListTooBroad', path: 'tooBroadCount', actual: 1 }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-ten-slash-eight-swallows-lan'),
      findings: [
        {
          messageId: 'tooBroad',
          subject: node,
          data: { entries: '10.0.0.0/8', summary: '10.0.0.0/8 swallows 10.0.0.0/10, 10.64.0.0/11, 10.112.0.0/13 and 18 more ranges' },
        },
      ],
    },
    {
      // The Windows conflist Azure CNI ships (Azure/azure-container-networking cni/azure-windows-swift-overlay-consolidated.conflist,
      // its OutBoundNAT ExceptionList 10.240.0.0/16 and 10.0.0.0/8), with the cluster, Service and node ranges of
      // Azure/aks-engine#1235 and no external destination declared: the finding still names the file (it printed `?`).
      snapshot: fixture(id, 'fires-azure-cni-default-without-external-cidrs'),
      findings: [
        {
          messageId: 'tooBroad',
          subject: { kind: 'Node', name: 'akswin000000' },
          data: {
            entries: '10.0.0.0/8',
            summary: '10.0.0.0/8 swallows 10.1.0.0/16, 10.2.0.0/15, 10.4.0.0/14 and 7 more ranges',
            clusterRanges: '10.240.0.0/12, 10.0.0.0/16, 10.240.0.0/16',
            tooBroadFile: 'nodes/akswin000000/cni/10-azure.conflist',
          },
          evidence: [{ fact: 'windowsExceptionListTooBroad', path: 'tooBroadCount', actual: 1 }],
        },
      ],
    },
  ],
  notEvaluated: [
    {
      snapshot: fixture(id, 'not-evaluated-no-node-cidrs'),
      capture: 'cluster.nodeCIDRs',
      subjects: ['win-worker-1'],
      findings: [{ messageId: 'coversExternal', subject: node, data: { externalSummary: '10.0.0.0/8 covers hz-idc 10.10.0.0/16' } }],
    },
  ],
});
