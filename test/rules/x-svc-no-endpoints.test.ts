import { fixture, ruleTester } from './fixture.js';

const id = 'x-svc-no-endpoints';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-all-services-backed')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-selector-and-readiness'),
      findings: [
        {
          messageId: 'selectorMatchesNoPods',
          subject: { kind: 'Service', namespace: 'shop', name: 'cart' },
          severity: 'error',
          data: { selector: 'app=cart', matchingPods: 0, readyPods: 0 },
        },
        {
          messageId: 'noReadyEndpoints',
          subject: { kind: 'Service', namespace: 'shop', name: 'checkout' },
          data: { selector: 'app=checkout', matchingPods: 2, readyPods: 0, endpointObjects: 'Endpoints shop/checkout' },
          evidence: [{ fact: 'serviceEndpoints', path: 'ready', actual: 0 }],
        },
      ],
    },
  ],
});
