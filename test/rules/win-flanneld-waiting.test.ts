import { fixture, ruleTester } from './fixture.js';

const id = 'win-flanneld-waiting';

// The flannel version is the image tag of the Windows DaemonSet (kube-flannel-ds-windows-amd64, as sig-windows-tools
// names it), not of the Linux one; waiting with v0.13.0 is past the guide's fix.
ruleTester.run(id, {
  valid: [fixture(id, 'silent-waiting-flannel-v0-13'), fixture(id, 'silent-network-created')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-waiting-flannel-v0-11'),
      findings: [
        {
          messageId: 'waiting',
          subject: { kind: 'Node', name: 'win-worker-1' },
          severity: 'error',
          data: { count: 3, file: 'nodes/win-worker-1/logs/flanneld.log', version: 'v0.11.0', versionFrom: 'image of DaemonSet kube-system/kube-flannel-ds-windows-amd64' },
          evidence: [
            { fact: 'windowsFlanneldWaiting', path: 'waitingCount', actual: 3 },
            { fact: 'windowsFlanneldWaiting', path: 'beforeFix', actual: true },
          ],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-waiting-version-unknown'), capture: 'the flannel version', subjects: ['win-worker-1'] }],
});
