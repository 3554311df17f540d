import { fixture, ruleTester } from './fixture.js';

const id = 'win-icmp-unsupported';

// Guidance item of the Windows guide: an info finding only where Windows nodes exist.
ruleTester.run(id, {
  valid: [fixture(id, 'silent-linux-only')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-windows-node'),
      findings: [
        {
          messageId: 'advice',
          subject: { kind: 'Cluster', name: 'win-hybrid-lab' },
          severity: 'info',
          data: { count: 1, nodes: 'win-worker-1' },
          evidence: [{ fact: 'windowsNodesPresent', path: 'count', actual: 1 }],
        },
      ],
    },
  ],
});
