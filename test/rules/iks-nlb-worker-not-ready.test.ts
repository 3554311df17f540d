import { fixture, ruleTester } from './fixture.js';

const id = 'iks-nlb-worker-not-ready';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-all-ready')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-worker-unknown'),
      findings: [
        {
          messageId: 'workerNotReady',
          subject: { kind: 'Node', name: '10.176.48.79' },
          data: { condition: 'Ready=Unknown (NodeStatusUnknown)', workerId: 'kube-bq5tbo2d0kbnmfq8sfs0-mycluster-default-00000079', zone: 'dal10' },
          evidence: [{ fact: 'iksWorkerReadiness', path: 'ready', actual: false }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-nodes'), capture: 'nodes.json' }],
});
