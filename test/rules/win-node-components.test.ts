import { fixture, ruleTester } from './fixture.js';

const id = 'win-node-components';
const node = (name: string) => ({ kind: 'Node', name });

// Process lists in the Windows PowerShell 5.1 `Get-CimInstance Win32_Process | Select ProcessId,CommandLine |
// ConvertTo-Json` layout of test/fixtures/outputs/processes/windows-json-ps51.json.
ruleTester.run(id, {
  valid: [fixture(id, 'silent-all-running'), fixture(id, 'silent-calico-no-flanneld')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-not-ready-flanneld-missing'),
      findings: [
        {
          messageId: 'componentsMissing',
          subject: node('win-worker-1'),
          severity: 'error',
          data: { missing: 'flanneld', running: 'kubelet, kube-proxy', file: 'nodes/win-worker-1/processes.json' },
          evidence: [{ fact: 'windowsNodeComponents', path: 'missingCount', actual: 1 }],
        },
        {
          messageId: 'notReady',
          subject: node('win-worker-1'),
          data: { ready: 'False', reason: 'KubeletNotReady' },
          evidence: [{ fact: 'windowsNodeReady', path: 'status', actual: 'False' }],
        },
        {
          messageId: 'componentsMissing',
          subject: node('win-worker-2'),
          data: { missing: 'kube-proxy', running: 'kubelet, flanneld', file: 'nodes/win-worker-2/processes.json' },
        },
      ],
    },
  ],
  notEvaluated: [
    {
      // Ready=Unknown is still reported; the process check lacks the process list.
      snapshot: fixture(id, 'not-evaluated-no-processes'),
      capture: 'nodes/<node>/processes',
      subjects: ['win-worker-1'],
      findings: [{ messageId: 'notReady', subject: node('win-worker-1'), data: { ready: 'Unknown', reason: 'NodeStatusUnknown' } }],
    },
  ],
});
