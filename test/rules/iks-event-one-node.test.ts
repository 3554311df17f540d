import { fixture, ruleTester } from './fixture.js';

const id = 'iks-event-one-node';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-load-balancer-ensured')],
  invalid: [
    {
      // core/v1 Event, message prefixed "Error on cloud load balancer … for service default/myservice …".
      snapshot: fixture(id, 'fires-one-node-cluster'),
      findings: [
        {
          messageId: 'oneNode',
          subject: { kind: 'Service', namespace: 'default', name: 'myservice' },
          data: { count: 6, event: 'Event default/myservice.17a9c0b2f1d3e4a5', reason: 'CreatingLoadBalancerFailed' },
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-events'), capture: 'events.json' }],
});
