// Fixtures: iptables-save dumps of RKE/Canal nodes (kube-proxy and Calico hooks as those components write them), with
// host rules added: CentOS 7's stock /etc/sysconfig/iptables (iptables-services: RELATED,ESTABLISHED, icmp, lo, ssh, then
// `-j REJECT --reject-with icmp-host-prohibited`), an explicit UDP 8472 DROP, and a DROP policy. Ports by role: Rancher's
// port requirements for custom nodes (rancher/docs layouts/shortcodes/ports-custom-nodes.html), which the document links to.
import { fixture, ruleTester } from './fixture.js';

const id = 'rancher-required-ports';
const reject = (node: string) => `nodes/${node}/iptables-save line 22: \`-A INPUT -j REJECT --reject-with icmp-host-prohibited\``;
const defaultPort = "flannel's default VXLAN port on Linux; no canal-config or kube-flannel-cfg ConfigMap captured";
const vxlanDropped = {
  messageId: 'overlayPortBlocked',
  subject: { kind: 'Node', name: 'rke-node-3' },
  severity: 'error' as const,
  data: {
    roles: 'worker',
    overlayBlocked: "UDP 8472 (the overlay's VXLAN port) is dropped by nodes/rke-node-3/iptables-save line 18: `-A INPUT -p udp -m udp --dport 8472 -j DROP`",
    overlayPort: 8472,
    overlayPortFrom: defaultPort,
    overlayTestConfirms: '',
  },
  evidence: [{ fact: 'rancherFirewallBlocks', path: 'overlayBlockedCount', actual: 1 }],
};

ruleTester.run(id, {
  valid: [fixture(id, 'silent-ports-opened')],
  invalid: [
    { snapshot: fixture(id, 'fires-vxlan-dropped'), findings: [vxlanDropped] },
    // Only rke-node-2 failed to reach rke-node-3 (rke-node-1 did reach it): the test does not confirm an isolated node.
    { snapshot: fixture(id, 'fires-vxlan-dropped-partial-overlay-test'), findings: [vxlanDropped] },
    {
      snapshot: fixture(id, 'fires-centos-default-reject'),
      findings: [
        {
          messageId: 'overlayPortBlocked',
          subject: { kind: 'Node', name: 'rke-cp-1' },
          data: { roles: 'etcd, controlplane', overlayBlocked: `UDP 8472 (the overlay's VXLAN port) is rejected by ${reject('rke-cp-1')}` },
        },
        {
          messageId: 'tcpPortBlocked',
          subject: { kind: 'Node', name: 'rke-cp-1' },
          data: {
            tcpBlocked: `TCP 2379 (etcd client), 2380 (etcd peer), 6443 (Kubernetes API server) and 10250 (kubelet) are rejected by ${reject('rke-cp-1')}`,
            tcpBlockedPorts: '2379, 2380, 6443, 10250',
          },
        },
        {
          messageId: 'overlayPortBlocked',
          subject: { kind: 'Node', name: 'rke-worker-1' },
          data: { roles: 'worker', overlayBlocked: `UDP 8472 (the overlay's VXLAN port) is rejected by ${reject('rke-worker-1')}` },
        },
        {
          messageId: 'tcpPortBlocked',
          subject: { kind: 'Node', name: 'rke-worker-1' },
          data: { tcpBlocked: `TCP 10250 (kubelet) is rejected by ${reject('rke-worker-1')}`, tcpBlockedPorts: '10250' },
        },
      ],
    },
    {
      // rke-worker-9 accepts 10.30.0.0/24 only; rke-cp-1 (10.20.0.11) is outside it, so its traffic meets the REJECT.
      snapshot: fixture(id, 'fires-peer-outside-accepted-subnet'),
      findings: [
        {
          messageId: 'overlayPortBlocked',
          subject: { kind: 'Node', name: 'rke-worker-9' },
          data: { overlayBlocked: `UDP 8472 (the overlay's VXLAN port) is rejected by nodes/rke-worker-9/iptables-save line 23: \`-A INPUT -j REJECT --reject-with icmp-host-prohibited\`` },
        },
        {
          messageId: 'tcpPortBlocked',
          subject: { kind: 'Node', name: 'rke-worker-9' },
          data: { tcpBlockedPorts: '10250' },
        },
      ],
    },
    {
      // An ACCEPT for a source range, with no other node captured to compare: neither open nor blocked can be said.
      snapshot: fixture(id, 'fires-undetermined-source-accept'),
      findings: [
        {
          messageId: 'portsUndetermined',
          subject: { kind: 'Node', name: 'rke-worker-1' },
          severity: 'info',
          data: { undetermined: '8472/udp and 10250/tcp (nodes/rke-worker-1/iptables-save line 22: `-A INPUT -s 10.20.0.0/24 -j ACCEPT`)' },
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-policy-drop'),
      findings: [
        {
          messageId: 'tcpPortBlocked',
          subject: { kind: 'Node', name: 'rke-worker-7' },
          data: {
            tcpBlocked: 'TCP 10250 (kubelet) is accepted by no rule of INPUT, whose policy drops it (nodes/rke-worker-7/iptables-save line 3: `:INPUT DROP`)',
          },
        },
      ],
    },
  ],
  notEvaluated: [
    {
      snapshot: fixture(id, 'not-evaluated-no-iptables-save'),
      capture: 'nodes/<node>/iptables-save',
      subjects: ['rke-node-2'],
      findings: [vxlanDropped],
    },
    {
      // Cut inside the filter table: what the missing rules do is unknown, so no port is called open or blocked.
      snapshot: fixture(id, 'not-evaluated-truncated-iptables-save'),
      capture: "nodes/rke-worker-1/iptables-save is cut before the filter table's COMMIT",
      subjects: ['rke-worker-1'],
    },
  ],
});
