import { fixture, ruleTester } from './fixture.js';

const id = 'tke-public-access-sg';
const subject = { kind: 'Service', namespace: 'default', name: 'kubelb-internet' };
const from = 'file cloud/tencent-security-groups-clb-sg-9x2kd0aw.json';

ruleTester.run(id, {
  valid: [
    fixture(id, 'silent-clb-sg-admits-443'),
    // The document's default: no security group bound to the CLB (全放通).
    fixture(id, 'silent-no-clb-sg'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-no-external-ip'),
      findings: [{ messageId: 'noExternalIp', subject, severity: 'error', data: { type: 'LoadBalancer' }, evidence: [{ fact: 'serviceLoadBalancerIngress', path: 'count', actual: 0 }] }],
    },
    {
      snapshot: fixture(id, 'fires-clb-sg-blocks-443'),
      findings: [
        {
          messageId: 'clbBlocks',
          subject,
          severity: 'error',
          data: { securityGroups: 'sg-9x2kd0aw', from, blocked: '443/TCP (DROP by sg-9x2kd0aw PolicyIndex 1, line 64)' },
          evidence: [{ fact: 'clbSecurityGroupPorts', path: 'blockedCount', actual: 1 }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-clb-sg-office-only'),
      findings: [
        {
          messageId: 'clbRestricts',
          subject,
          severity: 'warning',
          data: {
            securityGroups: 'sg-9x2kd0aw',
            from,
            restricted: '443/TCP only from 198.51.100.0/24 (not from 0.0.0.0/0 except 198.51.100.0/24: DROP by sg-9x2kd0aw PolicyIndex 2, line 83)',
          },
          evidence: [{ fact: 'clbSecurityGroupPorts', path: 'restrictedCount', actual: 1 }],
        },
      ],
    },
  ],
});
