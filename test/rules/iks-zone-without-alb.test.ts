import { fixture, ruleTester } from './fixture.js';

const id = 'iks-zone-without-alb';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-public-alb-per-zone')],
  invalid: [
    {
      // The document's `ibmcloud ks albs` output: public ALBs in dal10 and dal12 only; a worker runs in dal13.
      snapshot: fixture(id, 'fires-dal13-without-public-alb'),
      findings: [
        {
          messageId: 'zoneWithoutPublicAlb',
          subject: { kind: 'Cluster', name: 'cluster' },
          data: {
            zonesWithoutPublicAlb: 'dal13',
            enabledPublicAlbs: 'public-cr96039a75fddb4ad1a09ced6699c88888-alb1 (dal10), public-cr96039a75fddb4ad1a09ced6699c88888-alb2 (dal12)',
          },
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-albs'), capture: 'ibmcloud ks albs' }],
});
