import { fixture, ruleTester } from './fixture.js';

const id = 'iks-nlb-min-workers';
const cluster = { kind: 'Cluster', name: 'cluster' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-two-ready-workers')],
  invalid: [
    {
      // Two workers, one stopped posting status: only one Ready worker behind the NLB.
      snapshot: fixture(id, 'fires-one-ready-worker'),
      findings: [
        {
          messageId: 'tooFewReadyWorkers',
          subject: cluster,
          severity: 'error',
          data: { loadBalancerServices: 1, loadBalancerServiceNames: 'default/myservice', workers: 2, ready: 1, notReady: '10.176.48.79' },
        },
      ],
    },
    {
      // The node of a real free cluster (mil01): machine type free, one worker; reported once, as free.
      snapshot: fixture(id, 'fires-free-cluster'),
      findings: [{ messageId: 'freeWorkers', subject: cluster, data: { freeWorkerNames: '10.144.213.119', loadBalancerServiceNames: 'default/myservice' } }],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-services'), capture: 'services.json' }],
});
