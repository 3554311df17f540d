import { fixture, ruleTester } from './fixture.js';

const id = 'win-flannel-subnet-env';
const node = { kind: 'Node', name: 'win-worker-1' };
const file = 'nodes/win-worker-1/subnet.env';

// subnet.env with CRLF as copied to C:\run\flannel\subnet.env (test/fixtures/outputs/subnet-env/windows-crlf.env).
ruleTester.run(id, {
  valid: [fixture(id, 'silent-assigned-subnet')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-other-node-subnet'),
      findings: [
        {
          messageId: 'notNodeSubnet',
          subject: node,
          severity: 'error',
          data: { subnetLine: '10.244.4.1/24', podCIDR: '10.244.3.0/24', file },
          evidence: [{ fact: 'windowsFlannelSubnetEnv', path: 'matchesNode', actual: false }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-outside-network'),
      findings: [{ messageId: 'outsideNetwork', subject: node, data: { subnetLine: '10.245.3.1/24', network: '10.244.0.0/16', file } }],
    },
    {
      // The CNI error text of kubernetes-sigs/sig-windows-tools#76 in a FailedCreatePodSandBox event.
      snapshot: fixture(id, 'fires-missing-file'),
      findings: [{ messageId: 'missing', subject: node, data: { missingEvents: 23, missingPods: 'Pod default/iis-7d5c9b8f6-k2x9p' } }],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-subnet-env'), capture: 'nodes/<node>/subnet.env', subjects: ['win-worker-1'] }],
});
