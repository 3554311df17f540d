import { fixture, ruleTester } from './fixture.js';

const id = 'tke-sg-vpc-node-pod';
const deny = '(DROP by sg-7hw2mgu1 PolicyIndex 5 "deny the rest", line 140)';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-new-subnet-admitted')],
  invalid: [
    {
      // Node 10.1.2.9 joined from a subnet of the VPC's secondary CIDR; the group admits only 10.0.0.0/16 (and NodePorts).
      snapshot: fixture(id, 'fires-node-in-new-subnet'),
      findings: [
        {
          messageId: 'notAdmitted',
          subject: { kind: 'Cluster', name: 'tke-gz-prod' },
          severity: 'error',
          data: {
            securityGroups: 'sg-7hw2mgu1',
            // The only group in the snapshot, its file not named for nodes: taken as the nodes', and said so.
            from:
              "the only security group in the snapshot (cloud/tencent-security-groups-sg-7hw2mgu1.json), taken as the nodes'; " +
              'name the file cloud/tencent-security-groups-node-<sg-id>.json to confirm',
            notAdmitted: `node 10.1.2.9/32: TCP 1-29999, 32769-65535 ${deny}; node 10.1.2.9/32: UDP 1-65535 ${deny}`,
          },
          evidence: [{ fact: 'nodeSecurityGroupNodeAddresses', path: 'notAdmittedCount', actual: 2 }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-security-groups'), capture: 'tccli vpc DescribeSecurityGroupPolicies' }],
});
