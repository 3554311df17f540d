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
          evidence: [{ fact: 'windowsKubeProxyHostnameOverride', path: 'set', actual: false }],
        },
      ],
    },
  ],
  notEvaluated: [
    { snapshot: fixture(id, 'not-evaluated-no-processes'), capture: 'nodes/<node>/processes', subjects: ['win-worker-1'] },
    // kube-proxy started with --config: hostnameOverride may be in that file, which no snapshot holds.
    {
      snapshot: fixture(id, 'not-evaluated-config-file'),
      capture: 'the file kube-proxy reads with --config C:\\k\\kube-proxy-config.yaml (nodes/win-worker-1/processes.json, line 24): hostnameOverride may be set there, and a snapshot does not hold that file — look for hostnameOverride in it',
      subjects: ['win-worker-1'],
    },
  ],
});
