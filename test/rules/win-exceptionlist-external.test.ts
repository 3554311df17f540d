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
          data: { entries: '192.168.0.0/16', summary: '192.168.0.0/16 swallows 192.168.0.0/16', clusterRanges: '10.244.0.0/16, 10.96.0.0/12, 10.127.130.0/24' },
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
