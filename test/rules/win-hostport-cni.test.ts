import { fixture, ruleTester } from './fixture.js';

const id = 'win-hostport-cni';

// The Linux hostPort pod on k8s-master and the Windows pod without hostPort are not selected.
ruleTester.run(id, {
  // silent-port-mappings runs Microsoft's sdnoverlay, to which the v0.8.6 of containernetworking's plugins does not apply.
  valid: [fixture(id, 'silent-port-mappings'), fixture(id, 'silent-plugin-v0.8.6')],
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
    {
      snapshot: fixture(id, 'fires-plugin-too-old'),
      findings: [
        {
          messageId: 'pluginTooOld',
          subject: { kind: 'Pod', name: 'iis-hostport-0', namespace: 'default', node: 'win-worker-1' },
          severity: 'error',
          data: { hostPorts: 'app 8080->80/TCP', plugin: 'win-bridge', pluginVersion: 'v0.8.5', versionFile: 'nodes/win-worker-1/cni-plugin-version.txt', versionLine: 2 },
          evidence: [{ fact: 'windowsCniPluginVersion', path: 'belowMinimum', actual: true }],
        },
      ],
    },
  ],
  notEvaluated: [
    { snapshot: fixture(id, 'not-evaluated-no-cni-config'), capture: 'nodes/<node>/cni/<file>', subjects: ['iis-hostport-0'] },
    // win-bridge with portMappings set, but no version output: only the version check is not evaluated.
    {
      snapshot: fixture(id, 'not-evaluated-no-plugin-version'),
      capture: 'nodes/<node>/cni-plugin-version.txt: what C:\\k\\cni\\win-bridge.exe prints when run without arguments ("CNI win-bridge plugin v…")',
      subjects: ['iis-hostport-0'],
    },
  ],
});
