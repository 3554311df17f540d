import { fixture, ruleTester } from './fixture.js';

const id = 'win-hostname-override';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-override-set')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-no-override'),
      findings: [
        {
          messageId: 'noOverride',
          subject: { kind: 'Node', name: 'win-worker-1' },
          severity: 'error',
          data: { file: 'nodes/win-worker-1/processes.json', line: 24 },
          evidence: [{ fact: 'windowsNodeComponents', path: 'kubeProxyHostnameOverride', actual: false }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-processes'), capture: 'nodes/<node>/processes', subjects: ['win-worker-1'] }],
});
