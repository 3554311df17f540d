import { fixture, ruleTester } from './fixture.js';

const id = 'ack-terway-lifecycle';
const node = { kind: 'Node', name: 'cn-hangzhou.192.168.0.101' };
const waiting = { waitingCount: 2, waitingPods: 'default/web-7d4b9c8f6d-q9w3e, default/api-6c9f8d7b5-z8x7c' };

ruleTester.run(id, {
  valid: [
    fixture(id, 'silent-terway-ready'),
    // Pending on an image pull or init containers: the network is already set up, whatever Terway's state
    fixture(id, 'silent-pending-on-image-pull'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-terway-not-ready'),
      findings: [
        {
          messageId: 'terwayNotReady',
          subject: node,
          severity: 'error',
          data: {
            ...waiting,
            terwayPod: 'kube-system/terway-eniip-x101q',
            terwayState: 'Running (terway CrashLoopBackOff, 37 restarts; policy CrashLoopBackOff, 37 restarts)',
          },
          evidence: [{ fact: 'terwayNodeReadiness', path: 'terwayReady', actual: false }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-terway-missing'),
      findings: [
        {
          messageId: 'terwayMissing',
          subject: node,
          data: { ...waiting, terwayPodsInCluster: 1 },
          evidence: [{ fact: 'terwayNodeReadiness', path: 'terwayPresent', actual: false }],
        },
      ],
    },
  ],
});
