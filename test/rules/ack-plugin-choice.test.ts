import { fixture, ruleTester } from './fixture.js';

const id = 'ack-plugin-choice';

ruleTester.run(id, {
  valid: [
    fixture(id, 'silent-no-policies'),
    // calico-node beside flannel enforces the policies (ack-third-party-cni reports it as unsupported).
    fixture(id, 'silent-calico-enforces'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-policies-on-flannel'),
      findings: [
        {
          messageId: 'policiesNotEnforced',
          subject: { kind: 'Cluster', name: 'ack-hz-prod' },
          severity: 'info',
          data: { enforcers: 'none', networkPolicyCount: 2, networkPolicies: 'default/allow-frontend, payments/deny-all-ingress' },
          evidence: [
            { fact: 'networkPoliciesUnenforced', path: 'networkPolicyCount', actual: 2 },
            { fact: 'networkPoliciesUnenforced', path: 'enforcerCount', actual: 0 },
          ],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-networkpolicies'), capture: 'kubectl get networkpolicies -A -o json' }],
});
