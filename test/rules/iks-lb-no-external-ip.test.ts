import { fixture, ruleTester } from './fixture.js';

const id = 'iks-lb-no-external-ip';

ruleTester.run(id, {
  valid: [
    fixture(id, 'silent-has-external-ip'),
    // The Service's event says why (no portable IP): iks-event-no-portable-ip reports it, not this rule.
    fixture(id, 'silent-explained-by-event'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-pending-external-ip'),
      findings: [{ messageId: 'noExternalIp', subject: { kind: 'Service', namespace: 'default', name: 'myservice' }, data: { externalIP: '<pending>' } }],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-services'), capture: 'services.json' }],
});
