import { fixture, ruleTester } from './fixture.js';

const id = 'tke-sg-pod-cidr';
const cluster = { kind: 'Cluster', name: 'tke-gz-prod' };
const template = 'depends on sg-5ksl9t3m PolicyIndex 0 (line 45), ACCEPT for address template ipm-2uw6ujo6, which the snapshot does not resolve';
const deny = '(DROP by sg-5ksl9t3m PolicyIndex 5 "deny the rest", line 140)';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-container-cidr-admitted')],
  invalid: [
    {
      // The container CIDR rule says /17 instead of /16: the upper half only gets TCP 30000-32768 (the NodePort rule).
      snapshot: fixture(id, 'fires-container-cidr-half-admitted'),
      findings: [
        {
          messageId: 'notAdmitted',
          subject: cluster,
          severity: 'error',
          data: {
            securityGroups: 'sg-5ksl9t3m',
            from: 'file cloud/tencent-security-groups-node-sg-5ksl9t3m.json',
            notAdmitted:
              `container CIDR 172.16.0.0/16: TCP 1-29999, 32769-65535 from 172.16.128.0/17 ${deny}; ` +
              `container CIDR 172.16.0.0/16: UDP 1-65535 from 172.16.128.0/17 ${deny}`,
          },
          evidence: [{ fact: 'nodeSecurityGroupPodCidr', path: 'notAdmittedCount', actual: 2 }],
        },
      ],
    },
    {
      // The container CIDR rule names an address template whose addresses the snapshot does not list: no verdict, but say so.
      snapshot: fixture(id, 'fires-container-cidr-in-address-template'),
      findings: [
        {
          messageId: 'undetermined',
          subject: cluster,
          severity: 'info',
          data: {
            undetermined:
              `container CIDR 172.16.0.0/16: TCP 1-29999, 32769-65535 (${template}); ` +
              `container CIDR 172.16.0.0/16: UDP 1-65535 (${template})`,
          },
          evidence: [{ fact: 'nodeSecurityGroupPodCidr', path: 'undeterminedCount', actual: 2 }],
        },
      ],
    },
  ],
  notEvaluated: [
    {
      // Two groups in one unnamed file: which is the nodes' cannot be guessed.
      snapshot: fixture(id, 'not-evaluated-two-unnamed-groups'),
      capture: 'the snapshot has 2 security groups, none named for nodes',
      subjects: ['tke-gz-prod'],
    },
  ],
});
