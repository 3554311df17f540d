import { fixture, ruleTester } from './fixture.js';

const id = 'iks-event-no-portable-ip';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-other-service')],
  invalid: [
    {
      // events.k8s.io/v1 Event (regarding/note, deprecatedCount) with the older "load balancer service request" wording.
      snapshot: fixture(id, 'fires-events-v1-note'),
      findings: [
        { messageId: 'noPortableIp', subject: { kind: 'Service', namespace: 'default', name: 'myservice' }, data: { count: 12, event: 'Event default/myservice.17a9c0b2f1d3e4b1', serviceNote: '' } },
      ],
    },
    {
      // The event names shop/checkout, which is not in services.json (deleted since, or its namespace not captured):
      // reported on that Service anyway, saying so, instead of dropped.
      snapshot: fixture(id, 'fires-service-not-captured'),
      findings: [
        {
          messageId: 'noPortableIp',
          subject: { kind: 'Service', namespace: 'shop', name: 'checkout' },
          data: { count: 4, event: 'Event shop/checkout.17a9c0b2f1d3e4c7', serviceNote: ' (not in the snapshot: deleted since, or not captured; its Events name it)' },
          evidence: [{ fact: 'iksServiceEvents', path: 'noPortableIp.found', actual: true }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-events'), capture: 'events.json' }],
});
