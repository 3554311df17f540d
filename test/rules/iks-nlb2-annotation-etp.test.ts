import { fixture, ruleTester } from './fixture.js';

const id = 'iks-nlb2-annotation-etp';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-nlb2-local')],
  invalid: [
    {
      // default/web-v1 is an NLB 1.0 (no ipvs annotation): its Cluster policy is fine.
      snapshot: fixture(id, 'fires-nlb2-cluster-policy'),
      findings: [
        { messageId: 'nlb2WithoutLocal', subject: { kind: 'Service', namespace: 'default', name: 'myservice' }, data: { enableFeatures: 'ipvs', externalTrafficPolicy: 'Cluster' } },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-services'), capture: 'services.json' }],
});
