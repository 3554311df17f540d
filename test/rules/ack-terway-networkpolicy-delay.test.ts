import { fixture, ruleTester } from './fixture.js';

const id = 'ack-terway-networkpolicy-delay';
const cluster = { kind: 'Cluster', name: 'ack-hz-prod' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-policy-disabled')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-policy-enabled-unused'),
      findings: [
        {
          messageId: 'policyEnabledUnused',
          subject: cluster,
          severity: 'info',
          data: { disableNetworkPolicy: '"false"' },
          evidence: [{ fact: 'terwayNetworkPolicy', path: 'networkPolicyCount', actual: 0 }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-policy-enabled-in-use'),
      findings: [
        {
          messageId: 'policyEnabled',
          subject: cluster,
          severity: 'info',
          data: { disableNetworkPolicy: '"false"', networkPolicies: '1 NetworkPolicy objects' },
          evidence: [{ fact: 'terwayNetworkPolicy', path: 'policyEnabled', actual: true }],
        },
      ],
    },
  ],
  notEvaluated: [
    {
      snapshot: fixture(id, 'not-evaluated-no-eni-config'),
      capture: 'ConfigMap kube-system/eni-config',
      subjects: ['ack-hz-prod'],
    },
  ],
});
