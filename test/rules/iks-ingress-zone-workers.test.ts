import { fixture, ruleTester } from './fixture.js';

const id = 'iks-ingress-zone-workers';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-two-workers-per-zone'), fixture(id, 'silent-no-ingress')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-zone-with-one-ready-worker'),
      findings: [
        {
          messageId: 'zoneBelowTwoWorkers',
          subject: { kind: 'Cluster', name: 'cluster' },
          severity: 'warning',
          data: { ingresses: 1, ingressNames: 'default/myingress', zonesBelowTwo: 'dal12: 1 Ready of 2 (10.184.17.220, 10.184.17.221)' },
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-ingresses'), capture: 'ingresses.json' }],
});
