import { fixture, ruleTester } from './fixture.js';

const id = 'iks-alb-secret-failed';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-all-created')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-create-and-update-failed'),
      findings: [
        {
          messageId: 'secretFailed',
          subject: { kind: 'Cluster', name: 'cluster' },
          data: { failed: 'shop-tls (create_failed, shop.example.com, line 4); api-tls (update_failed, api.example.com, line 5)' },
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-alb-certs'), capture: 'ibmcloud ks alb-certs' }],
});
