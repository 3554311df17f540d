import { fixture, ruleTester } from './fixture.js';

const id = 'iks-no-ingress-subdomain';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-subdomain-set')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-normal-without-subdomain'),
      findings: [
        {
          messageId: 'noIngressSubdomain',
          subject: { kind: 'Cluster', name: 'cluster' },
          data: { name: 'mycluster', state: 'normal', ingressSubdomain: '-' },
          evidence: [{ fact: 'iksClusterIngress', path: 'hasIngressSubdomain', actual: false }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-cluster-get'), capture: 'ibmcloud ks cluster-get' }],
});
