import { fixture, ruleTester } from './fixture.js';

const id = 'win-hns-stale-objects';
const node = { kind: 'Node', name: 'win-worker-1' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-no-error')],
  invalid: [
    {
      // FailedCreatePodSandBox event of a pod on the node.
      snapshot: fixture(id, 'fires-in-event'),
      findings: [
        {
          messageId: 'wrongDiskette',
          subject: node,
          severity: 'error',
          data: { where: '14 times in events of Pod default/iis-6c559f5868-vscxm' },
          evidence: [{ fact: 'windowsHnsStaleObjects', path: 'found', actual: true }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-in-kube-proxy-log'),
      findings: [{ messageId: 'wrongDiskette', subject: node, data: { where: '1 time in nodes/win-worker-1/logs/kube-proxy.log' } }],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-logs-no-events'), capture: 'events.json', subjects: ['win-worker-1'] }],
});
