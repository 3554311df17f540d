import { fixture, ruleTester } from './fixture.js';

const id = 'iks-srcip-edge-taint';

ruleTester.run(id, {
  // The app pods carry the edge node affinity and a dedicated=edge toleration (no effect: both taints).
  valid: [fixture(id, 'silent-edge-affinity-and-toleration')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-app-without-edge-toleration'),
      findings: [
        {
          messageId: 'podsCannotRunOnEdge',
          subject: { kind: 'Service', namespace: 'default', name: 'myservice' },
          data: {
            edgeNodes: '10.176.48.90, 10.176.48.91',
            edgeTaints: 'dedicated=edge:NoExecute, dedicated=edge:NoSchedule',
            pods: 2,
            podNames: 'myservice-7c9d5b6f8-a1b2c, myservice-7c9d5b6f8-d3e4f',
          },
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-pods'), capture: 'pods.json' }],
});
