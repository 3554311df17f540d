// Fixtures: `ip link` of an Ubuntu RKE node (eth0, docker0, flannel.1 at MTU − 50, a cali veth); 10-canal.conflist as
// RKE's canal template writes it (`"mtu": __CNI_MTU__` replaced); rancher-agent lines in the logrus form of
// rancher/rancher#19025 (`level=error msg="Failed to connect to proxy" error="websocket: bad handshake"`).
import { fixture, ruleTester } from './fixture.js';

const id = 'rancher-mtu';
const agentLog = (node: string) => `nodes/${node}/logs/rancher-agent.log`;

ruleTester.run(id, {
  valid: [fixture(id, 'silent-consistent')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-mtu-differs'),
      findings: [
        {
          messageId: 'mtuDiffers',
          subject: { kind: 'Node', name: 'rke-node-3' },
          severity: 'error',
          data: {
            iface: 'eth0',
            mtu: 1400,
            mtuAt: 'nodes/rke-node-3/ip-link line 3',
            othersMtu: 'rke-node-1, rke-node-2 have MTU 1500',
            logNote: `; its logs show "websocket: bad handshake" 3 times (${agentLog('rke-node-3')} line 2, last 2026-11-20T09:42:13Z), "Failed to connect to proxy" 3 times (${agentLog('rke-node-3')} line 2, last 2026-11-20T09:42:13Z)`,
          },
          evidence: [{ fact: 'rancherMtu', path: 'mtuDiffers', actual: true }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-cni-mtu-too-large'),
      findings: [
        {
          messageId: 'cniMtuTooLarge',
          subject: { kind: 'Node', name: 'rke-os-1' },
          severity: 'error',
          data: { cniMtu: 1450, cniMtuFrom: '"mtu" of the calico plugin in nodes/rke-os-1/cni/10-canal.conflist line 10', iface: 'eth0', mtu: 1450, maxCniMtu: 1400, logNote: '' },
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-errors-logged'),
      findings: [
        {
          messageId: 'mtuErrorsLogged',
          subject: { kind: 'Node', name: 'rke-node-2' },
          severity: 'warning',
          data: {
            logLines: `"Failed to connect to proxy" 2 times (${agentLog('rke-node-2')} line 2, last 2026-11-20T09:41:13Z), "read tcp: i/o timeout" 2 times (${agentLog('rke-node-2')} line 2, last 2026-11-20T09:41:13Z)`,
            mtuContext: 'Its eth0 MTU is 1500 (rke-node-1 has MTU 1500).',
          },
        },
      ],
    },
  ],
  notEvaluated: [
    {
      snapshot: fixture(id, 'not-evaluated-no-node-outputs'),
      capture: 'nodes/<node>/ip-link',
      subjects: ['rke-node-2'],
      findings: [{ messageId: 'mtuErrorsLogged', subject: { kind: 'Node', name: 'rke-node-1' }, data: { mtuContext: 'Its eth0 MTU is 1500.' } }],
    },
  ],
});
