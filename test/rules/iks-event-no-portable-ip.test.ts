import { fixture, ruleTester } from './fixture.js';

const id = 'iks-event-no-portable-ip';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-other-service')],
  invalid: [
    {
      // events.k8s.io/v1 Event (regarding/note, deprecatedCount) with the older "load balancer service request" wording.
      snapshot: fixture(id, 'fires-events-v1-note'),
      findings: [{ messageId: 'noPortableIp', subject: { kind: 'Service', namespace: 'default', name: 'myservice' }, data: { count: 12, event: 'Event default/myservice.17a9c0b2f1d3e4b1' } }],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-events'), capture: 'events.json' }],
});
