import { fixture, ruleTester } from './fixture.js';

const id = 'tke-sg-nodeport-range';
const cluster = { kind: 'Cluster', name: 'tke-gz-prod' };
const dropped = 'from 10.0.0.0/16 (DROP by sg-5ksl9t3m PolicyIndex 5 "deny the rest", line 140)';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-range-and-udp-admitted')],
  invalid: [
    {
      // The NodePort rule says 30000-32000 and the VPC is admitted for 22, 80 and 443 only: from the VPC
      // (cluster.nodeCIDRs), 32001-32768 and the UDP nodePort are dropped.
      // default/api (32500) uses CLB direct access, so its nodePort is not on the path; default/web (31080) is admitted.
      snapshot: fixture(id, 'fires-range-cut-short-and-udp-closed'),
      findings: [
        {
          messageId: 'rangeNotAdmitted',
          subject: cluster,
          severity: 'error',
          data: { range: 'TCP 30000-32768', notAdmitted: 'VPC CIDR 10.0.0.0/16: TCP 32001-32768 (DROP by sg-5ksl9t3m PolicyIndex 5 "deny the rest", line 140)' },
          evidence: [{ fact: 'nodeSecurityGroupNodePorts', path: 'notAdmittedCount', actual: 1 }],
        },
        {
          messageId: 'servicePortsNotAdmitted',
          subject: cluster,
          severity: 'error',
          data: {
            servicePortsNotAdmittedCount: 2,
            servicePortsNotAdmitted: `default/shop 32080/TCP (http) ${dropped}; default/game 30777/UDP (game) ${dropped}`,
          },
          evidence: [{ fact: 'nodeSecurityGroupNodePorts', path: 'servicePortsNotAdmittedCount', actual: 2 }],
        },
      ],
    },
  ],
  notEvaluated: [
    {
      // A cut file may have lost the very rules that admit the range: no verdict.
      snapshot: fixture(id, 'not-evaluated-truncated-node-sg'),
      allowErrorDiagnostics: true,
      capture: 'a complete cloud/tencent-security-groups-node-sg-5ksl9t3m.json',
      subjects: ['tke-gz-prod'],
    },
  ],
});
