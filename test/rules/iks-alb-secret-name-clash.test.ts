import { fixture, ruleTester } from './fixture.js';

const id = 'iks-alb-secret-name-clash';

ruleTester.run(id, {
  // `mycluster` there is the IBM-provided certificate (*.…containers.appdomain.cloud).
  valid: [fixture(id, 'silent-ibm-provided-secret-only')],
  invalid: [
    {
      // An imported certificate for mycluster.example.com named `mycluster`, the Ingress Secret of cluster-get.
      snapshot: fixture(id, 'fires-imported-secret-named-mycluster'),
      findings: [
        {
          messageId: 'nameClash',
          subject: { kind: 'Cluster', name: 'cluster' },
          data: { clashes: 'mycluster (domain mycluster.example.com, status created, line 4)', ibmIngressSecret: 'mycluster' },
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-cluster-get'), capture: 'ibmcloud ks cluster-get' }],
});
