import { fixture, ruleTester } from './fixture.js';

const id = 'win-hostport-cni';

// The Linux hostPort pod on k8s-master and the Windows pod without hostPort are not selected.
ruleTester.run(id, {
  valid: [fixture(id, 'silent-port-mappings')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-no-port-mappings'),
      findings: [
        {
          messageId: 'noPortMappings',
          subject: { kind: 'Pod', name: 'iis-hostport-0', namespace: 'default', node: 'win-worker-1' },
          severity: 'error',
          data: { hostPorts: 'app 8080->80/TCP', cniFile: 'nodes/win-worker-1/cni/10-flannel.conf' },
          evidence: [{ fact: 'windowsHostPortCni', path: 'portMappings', actual: false }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-cni-config'), capture: 'nodes/<node>/cni/<file>', subjects: ['iis-hostport-0'] }],
});
