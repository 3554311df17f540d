import { fixture, ruleTester } from './fixture.js';

const id = 'tke-cross-vpc';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-peer-ranges-admitted')],
  invalid: [
    {
      // The peer VPC rule admits TCP only; the peer container CIDR is admitted; the IDC entry is not a peer range.
      snapshot: fixture(id, 'fires-peer-vpc-tcp-only'),
      findings: [
        {
          messageId: 'notAdmitted',
          subject: { kind: 'Cluster', name: 'tke-gz-prod' },
          severity: 'error',
          data: {
            securityGroups: 'sg-5ksl9t3m',
            notAdmitted: 'peer-vpc gz-data 10.1.0.0/16: UDP 1-65535 (DROP by sg-5ksl9t3m PolicyIndex 7 "deny the rest", line 178)',
          },
          evidence: [{ fact: 'nodeSecurityGroupPeerCidrs', path: 'notAdmittedCount', actual: 1 }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-peer-range'), capture: 'kind: peer-vpc and kind: peer-pods', subjects: ['tke-gz-prod'] }],
});
