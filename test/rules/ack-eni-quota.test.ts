import { fixture, ruleTester } from './fixture.js';

const id = 'ack-eni-quota';
const node = { kind: 'Node', name: 'cn-hangzhou.192.168.0.10', node: 'cn-hangzhou.192.168.0.10' };

ruleTester.run(id, {
  valid: [
    // The old vSwitch still has 35 free IPs and the terway log shows no IpNotEnough: nothing is stuck.
    fixture(id, 'silent-old-vswitch-has-ips'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-expanded-vswitch-still-no-ip'),
      findings: [
        {
          messageId: 'eniQuotaUsedUp',
          subject: node,
          severity: 'error',
          data: {
            waitingCount: 2,
            waitingPods: 'default/orders-6c9d8e7f5-k2j4h, default/orders-6c9d8e7f5-m5n6b',
            stuck: 'vsw-bp1s5fnvk4gn2tws03624 (cn-hangzhou-i, 192.168.32.0/24): InvalidVSwitchId.IpNotEnough ×2 in its terway log, 0 available',
            free: 'vsw-bp16mbbu8x1xqkq3yoy2l (cn-hangzhou-i, 192.168.64.0/19) with 8187 available',
            configuredFrom: 'eni-config vswitches[cn-hangzhou-i]',
            instanceType: 'ecs.g6.xlarge',
            enis: '3 in the host namespace (eth0, eth1, eth2; ip link)',
            maxAvailableIp: '30',
          },
          evidence: [
            { fact: 'terwayEniQuota', path: 'stuckCount', actual: 1 },
            { fact: 'terwayEniQuota', path: 'freeCount', actual: 1 },
          ],
        },
      ],
    },
  ],
  notEvaluated: [
    {
      // Its pod IPs' vSwitch still has IPs, and without the terway log nothing shows an allocation failure.
      snapshot: fixture(id, 'not-evaluated-no-terway-log'),
      capture: 'nodes/<node>/logs/terway.log',
      subjects: ['cn-hangzhou.192.168.0.10'],
    },
  ],
});
