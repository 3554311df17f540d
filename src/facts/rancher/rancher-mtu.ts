import { MissingDataError } from '../../errors.js';
import { parseSubnetEnv } from '../../parsers/configs/subnet-env.js';
import { activeCniConfig } from '../cni/node-cni-config.js';
import { configMapText } from '../config-map-text.js';
import { defineFact } from '../define.js';
import { findLogMessage } from '../logs/find-log-message.js';
import type { SnapshotIndex } from '../snapshot-index.js';
import type { NodeObject } from '../../snapshot/objects.js';
import { primaryMtu, primaryMtus } from './node-primary-mtu.js';
import { overlayPort } from './rancher-node-ports.js';

/** VXLAN over IPv4 adds 50 bytes (outer Ethernet 14 + IP 20 + UDP 8 + VXLAN 8); flannel sets flannel.1 to the uplink MTU − 50. */
export const VXLAN_OVERHEAD = 50;

// The document's three lines, as it writes them, with their log-line catalog ids.
const MTU_LOG_LINES: readonly [string, string][] = [
  ['rancherBadHandshake', 'websocket: bad handshake'],
  ['rancherProxyConnectFailed', 'Failed to connect to proxy'],
  ['rancherReadTimeout', 'read tcp: i/o timeout'],
];

/** The pods' MTU: the CNI config's (calico's in canal), else canal-config veth_mtu, else flannel's subnet.env FLANNEL_MTU. */
function cniMtu(index: SnapshotIndex, node: NodeObject): { mtu: number; from: string } | undefined {
  const active = activeCniConfig(index, node.name);
  const plugin = active?.config.plugins.find((p) => p.mtu !== undefined);
  if (active && plugin?.mtu !== undefined) return { mtu: plugin.mtu, from: `"mtu" of the ${plugin.type} plugin in ${active.file.file}${plugin.mtuLine ? ` line ${plugin.mtuLine}` : ''}` };
  const veth = configMapText(index, ['canal-config', 'rke2-canal-config'], ['veth_mtu']);
  const vethMtu = veth ? Number(veth.file.text.trim()) : NaN;
  // veth_mtu "0" means Calico picks the MTU itself.
  if (veth && Number.isInteger(vethMtu) && vethMtu > 0) return { mtu: vethMtu, from: `veth_mtu of ConfigMap kube-system/${veth.configMap.name}` };
  const subnetEnv = index.nodeOutputs(node.name)?.commands['subnet.env'];
  const env = subnetEnv ? index.parsed(subnetEnv, parseSubnetEnv) : undefined;
  if (subnetEnv && env?.mtu !== undefined) return { mtu: env.mtu, from: `FLANNEL_MTU in ${subnetEnv.file} line ${env.lines.FLANNEL_MTU ?? 1}` };
  return undefined;
}

/** `"websocket: bad handshake" 12 times (nodes/n/logs/rancher-agent.log line 3, last 2026-…)`, joined. */
function mtuLogLines(index: SnapshotIndex, node: string): { text: string; count: number; logs: boolean; at?: { file: string; line: number } } {
  const found = MTU_LOG_LINES.flatMap(([id, text]) => {
    const hit = findLogMessage(index, node, id);
    return hit ? [{ text, hit }] : [];
  });
  const logs = Object.keys(index.nodeOutputs(node)?.logs ?? {}).length > 0;
  const text = found.map(({ text: t, hit }) => `"${t}" ${hit.count} time${hit.count === 1 ? '' : 's'} (${hit.file} line ${hit.line}${hit.lastTimestamp ? `, last ${hit.lastTimestamp}` : ''})`).join(', ');
  const first = found[0]?.hit;
  return { text, count: found.reduce((n, f) => n + f.hit.count, 0), logs, ...(first ? { at: { file: first.file, line: first.line } } : {}) };
}

/**
 * 检查主机和网络设备伤的的 MTU 是否正确配置: the node's uplink MTU against the other nodes', the pods' MTU
 * against the uplink minus the VXLAN overhead, and the log lines the document names.
 */
export const rancherMtu = defineFact({
  id: 'rancherMtu',
  subject: 'Node',
  description:
    "The node's uplink MTU (ip addr / ip link) and whether it differs from the other nodes'; the pods' MTU (CNI config, canal-config veth_mtu or " +
    "subnet.env) and whether it exceeds the uplink MTU minus the VXLAN overhead (50); the document's MTU log lines in the node's logs.",
  reads: ['nodes/<node>/ip-addr or ip-link', 'nodes/<node>/cni/*', 'nodes/<node>/subnet.env', 'ConfigMap kube-system/canal-config veth_mtu', 'nodes/<node>/logs/*.log'],
  compute: (node, index) => {
    const own = primaryMtu(index, node);
    const logs = mtuLogLines(index, node.name);
    if (!own && !logs.logs) {
      throw new MissingDataError('nodes/<node>/ip-link (ip link) or ip-addr (ip addr), and nodes/<node>/logs/rancher-agent.log (the Rancher agent logs)');
    }
    const others = [...primaryMtus(index)].filter(([name]) => name !== node.name);
    const counts = new Map<number, string[]>();
    for (const [name, m] of others) counts.set(m.mtu, [...(counts.get(m.mtu) ?? []), name]);
    const differing = own ? [...counts].filter(([mtu]) => mtu !== own.mtu) : [];
    const same = own ? (counts.get(own.mtu) ?? []) : [];
    // Differs when some other node's MTU differs and no more nodes share this node's MTU than that other value's.
    const majority = differing.sort((a, b) => b[1].length - a[1].length)[0];
    const mtuDiffers = own !== undefined && majority !== undefined && majority[1].length >= same.length + 1;
    const overlay = overlayPort(index);
    const pods = own && overlay.port !== undefined ? cniMtu(index, node) : undefined;
    const maxCniMtu = own ? own.mtu - VXLAN_OVERHEAD : null;
    const cniTooLarge = pods !== undefined && maxCniMtu !== null && pods.mtu > maxCniMtu;
    const describeOthers = [...counts].sort(([a], [b]) => a - b).map(([mtu, names]) => `${names.join(', ')} ${names.length === 1 ? 'has' : 'have'} MTU ${mtu}`);
    return {
      iface: own?.iface ?? null,
      mtu: own?.mtu ?? null,
      mtuAt: own ? `${own.file} line ${own.line}` : null,
      othersMtu: describeOthers.join('; '),
      mtuDiffers,
      cniMtu: pods?.mtu ?? null,
      cniMtuFrom: pods?.from ?? null,
      maxCniMtu,
      cniTooLarge,
      mtuProblem: mtuDiffers || cniTooLarge,
      logLines: logs.text,
      logCount: logs.count,
      logNote: logs.count > 0 ? `; its logs show ${logs.text}` : '',
      mtuContext: own ? `Its ${own.iface} MTU is ${own.mtu}${others.length > 0 ? ` (${describeOthers.join('; ')})` : ''}.` : 'No ip link / ip addr was captured on it to compare MTUs.',
      source: logs.at && !mtuDiffers && !cniTooLarge ? logs.at : own ? { file: own.file, line: own.line } : (logs.at ?? { file: '' }),
    };
  },
});
