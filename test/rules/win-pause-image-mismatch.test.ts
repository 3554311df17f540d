import { fixture, ruleTester } from './fixture.js';

const id = 'win-pause-image-mismatch';
const iis = { kind: 'Pod', name: 'iis-6c559f5868-vscxm', namespace: 'default', node: 'win-worker-1' };

// The Linux pod stuck in ContainerCreating on k8s-master is not selected.
ruleTester.run(id, {
  valid: [fixture(id, 'silent-running')],
  invalid: [
    {
      // Event text of kubernetes-sigs/sig-windows-tools#72: an ltsc2022 image on a Windows Server 2019 (17763) node.
      snapshot: fixture(id, 'fires-os-mismatch-and-restarting'),
      findings: [
        {
          messageId: 'osMismatch',
          subject: iis,
          severity: 'error',
          data: { events: 6, images: 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022' },
          evidence: [{ fact: 'windowsPodStartup', path: 'osMismatchEvents', actual: 6 }],
        },
        {
          messageId: 'restarting',
          subject: { kind: 'Pod', name: 'web-7b9d5c8f4-x2k7q', namespace: 'default' },
          severity: 'warning',
          data: { restarts: 'app (21 restarts, CrashLoopBackOff)' },
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-stuck-creating'),
      findings: [{ messageId: 'stuckCreating', subject: iis, severity: 'warning', evidence: [{ fact: 'windowsPodStartup', path: 'containerCreating', actual: true }] }],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-events'), capture: 'kubectl get events', subjects: ['iis-6c559f5868-vscxm', 'web-7b9d5c8f4-x2k7q'] }],
});
