import { MissingDataError } from '../../errors.js';
import { type Listener, parseNetstat } from '../../parsers/linux/netstat.js';
import type { PodObject } from '../../snapshot/objects.js';
import { defineFact } from '../define.js';
import { cappedList } from '../capped-list.js';

/** Ports a node's own netstat can show for pods: host-network pods' container ports, and any pod's hostPort. */
function podPortsOnNode(pods: readonly PodObject[]): Map<number, string> {
  const ports = new Map<number, string>();
  for (const pod of pods) {
    if (pod.phase !== 'Running') continue;
    for (const container of pod.containers) {
      for (const port of container.ports) {
        if (port.protocol.toUpperCase() !== 'TCP') continue;
        const exposed = pod.hostNetwork ? (port.hostPort ?? port.containerPort) : port.hostPort;
        if (exposed !== undefined && !ports.has(exposed)) ports.set(exposed, `pod ${pod.namespace}/${pod.name}`);
      }
    }
  }
  return ports;
}

const loopback = (l: Listener) => l.family === 4 && l.address.startsWith('127.');

/**
 * ACK: "Proto显示为tcp即监听IPv4地址,显示为tcp6即监听IPv6地址" — a pod port with only
 * a `tcp` listener cannot be reached over IPv6. A node's netstat sees the
 * sockets of host-network pods (and hostPort mappings); other pods' sockets
 * live in their own network namespace.
 */
export const dualStackListeners = defineFact({
  id: 'dualStackListeners',
  subject: 'Cluster',
  description:
    'Ports of host-network pods (and hostPorts) that a node\'s netstat -anp / ss -lntup shows listening on IPv4 only (tcp, no tcp6 or dual-stack socket), per node.',
  reads: ['nodes/<node>/netstat', 'Pod spec.hostNetwork, containers[].ports (containerPort, hostPort)'],
  compute: (_cluster, index) => {
    const found: string[] = [];
    let needed = 0;
    let checked = 0;
    let source: { file: string; line: number } | undefined;
    for (const node of index.snapshot.nodes) {
      const ports = podPortsOnNode(index.podsByNode.get(node.name) ?? []);
      if (ports.size === 0) continue;
      needed += 1;
      const file = index.nodeOutputs(node.name)?.commands.netstat;
      if (!file) continue;
      checked += 1;
      const tcp = index.parsed(file, parseNetstat).listeners.filter((l) => l.protocol === 'tcp' && !loopback(l));
      for (const [port, owner] of ports) {
        const onPort = tcp.filter((l) => l.port === port);
        const v4 = onPort.find((l) => l.family === 4);
        if (!v4 || onPort.some((l) => l.family !== 4)) continue;
        found.push(`${node.name} ${v4.address}:${port} (${owner}${v4.process ? `, ${v4.process}` : ''})`);
        source ??= { file: file.file, line: v4.line };
      }
    }
    if (needed > 0 && checked === 0) throw new MissingDataError('nodes/<node>/netstat (netstat -anp or ss -lntup on the nodes running host-network pods)');
    return {
      ipv4OnlyListenerCount: found.length,
      ipv4OnlyListeners: cappedList(found, 5),
      nodesChecked: `${checked} of ${needed} nodes with host-network pod ports`,
      ...(source ? { source } : {}),
    };
  },
});
