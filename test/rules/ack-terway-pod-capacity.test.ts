import { fixture, ruleTester } from './fixture.js';

const id = 'ack-terway-pod-capacity';

ruleTester.run(id, {
  valid: [
    // The same 12 pods against k8s.aliyun.com/max-available-ip 12; host-network pods need no Terway IP.
    fixture(id, 'silent-within-eni-ips'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-pods-beyond-eni-ips'),
      findings: [
        {
          messageId: 'podsBeyondEniIps',
          subject: { kind: 'Node', name: 'cn-hangzhou.192.168.0.10', node: 'cn-hangzhou.192.168.0.10' },
          severity: 'error',
          data: {
            podsNeedingIp: 12,
            maxIps: 10,
            beyond: 2,
            podsWithIp: 10,
            waitingPods: 'default/orders-6c9d8e7f5-k2j4h, default/orders-6c9d8e7f5-m5n6b',
            capacityPods: 64,
          },
          evidence: [{ fact: 'terwayPodCapacity', path: 'podsNeedingIp', actual: 12 }],
        },
      ],
    },
  ],
  notEvaluated: [
    {
      snapshot: fixture(id, 'not-evaluated-no-max-available-ip'),
      capture: 'the k8s.aliyun.com/max-available-ip annotation of each Terway node',
      subjects: ['cn-hangzhou.192.168.0.10', 'cn-hangzhou.192.168.0.11'],
    },
  ],
});
