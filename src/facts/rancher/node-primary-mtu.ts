/**
 * The MTU of the interface a node talks to other nodes on: from `ip addr`, the interface holding the
 * node's InternalIP; from `ip link` alone, the first UP Ethernet interface that no container network,
 * bridge or tunnel created. Memoised per snapshot, because comparing nodes reads every node.
 */
import { parseIpAddr } from '../../parsers/linux/ip-addr.js';
import { parseIpLink } from '../../parsers/linux/ip-link.js';
import type { NodeObject } from '../../snapshot/objects.js';
import type { Snapshot } from '../../snapshot/schema.js';
import type { SnapshotIndex } from '../snapshot-index.js';

export interface PrimaryMtu {
  iface: string;
  mtu: number;
  file: string;
  line: number;
  /** How the interface was picked. */
  from: string;
}

// Interfaces created by container runtimes, CNIs, kube-proxy, bridges and tunnels: not the node's uplink.
const VIRTUAL = /^(?:lo|veth|cni|flannel|docker|cali|tunl|vxlan|kube-|br-|virbr|weave|vethwe|cilium|genev|wg|nodelocaldns|dummy|tun|tap)/;

const cache = new WeakMap<Snapshot, Map<string, PrimaryMtu | undefined>>();

export function primaryMtu(index: SnapshotIndex, node: NodeObject): PrimaryMtu | undefined {
  const perSnapshot = cache.get(index.snapshot) ?? new Map<string, PrimaryMtu | undefined>();
  cache.set(index.snapshot, perSnapshot);
  if (!perSnapshot.has(node.name)) perSnapshot.set(node.name, compute(index, node));
  return perSnapshot.get(node.name);
}

function compute(index: SnapshotIndex, node: NodeObject): PrimaryMtu | undefined {
  const commands = index.nodeOutputs(node.name)?.commands ?? {};
  const internal = node.addresses.filter((a) => a.type === 'InternalIP').map((a) => a.address);
  const addrFile = commands['ip-addr'];
  if (addrFile) {
    const interfaces = index.parsed(addrFile, parseIpAddr).interfaces;
    const holder = interfaces.find((i) => i.addresses.some((a) => internal.includes(a.cidr.split('/')[0] ?? '')));
    if (holder) return { iface: holder.name, mtu: holder.mtu, file: addrFile.file, line: holder.line, from: `the interface holding InternalIP ${internal.join(', ')}` };
  }
  const linkFile = commands['ip-link'] ?? addrFile;
  if (!linkFile) return undefined;
  const links = linkFile === addrFile ? index.parsed(linkFile, parseIpAddr).interfaces : index.parsed(linkFile, parseIpLink).interfaces;
  const uplink = links.find((l) => !VIRTUAL.test(l.name) && l.master === undefined && l.flags.includes('UP') && (l.linkType === undefined || l.linkType === 'ether'));
  if (!uplink) return undefined;
  return { iface: uplink.name, mtu: uplink.mtu, file: linkFile.file, line: uplink.line, from: 'the first UP Ethernet interface no container network created' };
}

/** Every node's primary MTU that is known, by node name. */
export function primaryMtus(index: SnapshotIndex): Map<string, PrimaryMtu> {
  const out = new Map<string, PrimaryMtu>();
  for (const node of index.snapshot.nodes) {
    if (node.os === 'windows') continue;
    const mtu = primaryMtu(index, node);
    if (mtu) out.set(node.name, mtu);
  }
  return out;
}
