import { fixture, ruleTester } from './fixture.js';

const id = 'ack-terway-vswitch-exhausted';
const cluster = { kind: 'Cluster', name: 'ack-hz-prod' };
const old = 'vsw-bp1s5fnvk4gn2tws03624';
const waiting = { waitingCount: 2, waitingPods: 'default/orders-6c9d8e7f5-k2j4h, default/orders-6c9d8e7f5-m5n6b' };
const noAlternative = 'cn-hangzhou-i: no other Terway vSwitch with free IPs';
const prefix = `${old} is /24 (256 addresses), smaller than the advised /19 (8192 addresses)`;

ruleTester.run(id, {
  valid: [
    // Same vSwitch with 120 free IPs for the 2 pods waiting, and a terway log without IpNotEnough.
    fixture(id, 'silent-free-ips'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-ip-not-enough'),
      findings: [
        {
          messageId: 'ipNotEnough',
          subject: cluster,
          severity: 'error',
          data: {
            exhausted: `${old} (cn-hangzhou-i, 192.168.32.0/24): 0 available IPs (DescribeVSwitches); InvalidVSwitchId.IpNotEnough in terway logs, used by 2 node(s)`,
            ...waiting,
            alternatives: noAlternative,
            prefixes: prefix,
            logLines: 3,
          },
          evidence: [
            { fact: 'terwayVSwitchExhaustion', path: 'exhaustedCount', actual: 1 },
            { fact: 'terwayVSwitchExhaustion', path: 'failing', actual: true },
          ],
        },
      ],
    },
    {
      // No cloud inventory: the terway log alone names the vSwitch; its size is unknown.
      snapshot: fixture(id, 'fires-log-only'),
      findings: [
        {
          messageId: 'ipNotEnough',
          subject: cluster,
          data: {
            exhausted: `${old} (cn-hangzhou-i): InvalidVSwitchId.IpNotEnough in terway logs, used by 2 node(s)`,
            ...waiting,
            prefixes: `${old}: CIDR unknown`,
          },
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-vswitch-full-no-pods-waiting'),
      findings: [
        {
          messageId: 'noFreeIps',
          subject: cluster,
          severity: 'warning',
          data: { exhausted: `${old} (cn-hangzhou-i, 192.168.32.0/24): 0 available IPs (DescribeVSwitches), used by 2 node(s)`, prefixes: prefix },
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-fewer-ips-than-pending'),
      findings: [
        {
          messageId: 'fewerIpsThanPendingPods',
          subject: cluster,
          severity: 'warning',
          data: {
            short: `${old}: 3 available IPs for 5 pods waiting on 1 node(s) (default/orders-6c9d8e7f5-k2j4h, default/orders-6c9d8e7f5-m5n6b, default/cart-8b7c6d5e4-p3q9r, default/cart-8b7c6d5e4-t6y2u, default/cart-8b7c6d5e4-w1e5z)`,
          },
          evidence: [{ fact: 'terwayVSwitchExhaustion', path: 'shortCount', actual: 1 }],
        },
      ],
    },
  ],
  notEvaluated: [
    {
      snapshot: fixture(id, 'not-evaluated-no-inventory-no-logs'),
      capture: 'cloud/aliyun-vswitches.json (aliyun vpc DescribeVSwitches --VpcId <the cluster VPC>, every page), or nodes/<node>/logs/terway.log',
      subjects: ['ack-hz-prod'],
    },
  ],
});
