import { fixture, ruleTester } from './fixture.js';

const id = 'win-flannel-stale-sourcevip';

// SourceVip.json in the CNI 0.2.0 host-local result form of test/fixtures/outputs/sourcevip/cni020.json.
ruleTester.run(id, {
  valid: [fixture(id, 'silent-current-subnet'), fixture(id, 'silent-l2bridge-no-sourcevip'), fixture(id, 'not-applicable-calico')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-rejoined-node'),
      findings: [
        {
          messageId: 'staleSourceVip',
          subject: { kind: 'Node', name: 'win-worker-1' },
          severity: 'error',
          data: { address: '10.244.7.2', podCIDR: '10.244.3.0/24', file: 'nodes/win-worker-1/sourcevip.json' },
          evidence: [{ fact: 'windowsSourceVip', path: 'stale', actual: true }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-overlay-without-sourcevip'), capture: 'nodes/<node>/sourcevip.json', subjects: ['win-worker-1'] }],
});
