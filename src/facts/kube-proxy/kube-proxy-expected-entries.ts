import { plainIPv4Number } from '../../parsers/linux/ipvsadm-ipv4.js';
import type { SnapshotIndex } from '../snapshot-index.js';
import { AddressPortTable, portProtocolKey, protocolCode } from './ipvs-address-keys.js';
import type { ReadyEndpoints } from './kube-proxy-ready-endpoints.js';
import { type ProxiedPort, proxiedServicePorts } from './kube-proxy-service-ports.js';

/**
 * What every node's kube-proxy rules are checked for, built once per analysis: the ClusterIP and
 * NodePort entries in Service port order, and maps from their keys, so a node's IPVS virtual
 * servers are looked up here instead of each node building a map and a key per Service port.
 * Helper for kube-proxy-node-rules.ts; no fact lives here.
 */

// Template literals, not a rest-argument join: these keys are built ~40,000 times per node.
export const addressKey = (address: string, port: number, protocol: string) => `${address}|${port}|${protocol}`;
export const portKey = (port: number, protocol: string) => `${port}|${protocol}`;

// Services asking for topology-aware routing get per-zone endpoint subsets on each node.
const TOPOLOGY_ANNOTATIONS = ['service.kubernetes.io/topology-mode', 'service.kubernetes.io/topology-aware-hints'];

/**
 * Whether kube-proxy gives every node all ready endpoints as real servers. Not with topology hints,
 * `trafficDistribution` (PreferClose: the node's zone first) or `internalTrafficPolicy: Local` (the
 * node's own endpoints only): then a node's real servers are a subset by design.
 */
export function forwardsToEveryEndpoint(service: ProxiedPort['service']): boolean {
  if (TOPOLOGY_ANNOTATIONS.some((a) => service.annotations[a] !== undefined)) return false;
  if (service.trafficDistribution !== undefined) return false;
  return service.internalTrafficPolicy !== 'Local';
}

/** A ClusterIP (ip set) or NodePort entry kube-proxy should program on every node. */
export interface Entry {
  port: ProxiedPort;
  ip?: string;
  /** kube-proxy gives this node all ready endpoints as real servers (see forwardsToEveryEndpoint). */
  everyEndpoint: boolean;
  /** Set when a node first compares this entry's real servers. */
  ready?: ReadyEndpoints;
}

/** Each map or table gives the first entry with a key; `next` chains the entries sharing it, in order. */
export interface ExpectedEntries {
  /** In Service port order: each cluster IP's entry, then the NodePort's. */
  entries: Entry[];
  /** A plain-IPv4 cluster IP's number and `portProtocolKey` → the first entry (ports up to 65535, IPVS's protocols). */
  byIPv4: AddressPortTable;
  /** `address|port|PROTO` → the first entry, for every other ClusterIP entry (IPv6, other ports or protocols). */
  byAddress: Map<string, number>;
  /** `port * 4 + protocol code` (ipvs-address-keys.ts) → the first NodePort entry with an IPVS protocol. */
  byNodePort: Map<number, number>;
  next: Int32Array;
}

const expectedCache = new WeakMap<SnapshotIndex, ExpectedEntries>();

/**
 * The entries every IPVS node is checked for, built once per analysis: each node then looks up its
 * virtual servers here instead of building a map of its own and a key per Service port.
 */
export function expectedEntries(index: SnapshotIndex): ExpectedEntries {
  const hit = expectedCache.get(index);
  if (hit) return hit;
  const entries: Entry[] = [];
  for (const p of proxiedServicePorts(index).ports) {
    const everyEndpoint = forwardsToEveryEndpoint(p.service);
    for (const ip of p.clusterIPs) entries.push({ port: p, ip, everyEndpoint });
    if (p.nodePort !== undefined) entries.push({ port: p, everyEndpoint });
  }
  const out: ExpectedEntries = {
    entries,
    byIPv4: new AddressPortTable(entries.length),
    byAddress: new Map(),
    byNodePort: new Map(),
    next: new Int32Array(entries.length).fill(-1),
  };
  // Chained in reverse, so each chain lists its entries in order. An entry whose protocol IPVS does not
  // have is in no map: no virtual server can be it (as before, when its key text matched no row).
  for (let e = entries.length - 1; e >= 0; e--) {
    const { port: p, ip } = entries[e]!;
    const protocol = protocolCode(p.protocol);
    if (protocol < 0) continue;
    let first: number | undefined;
    if (ip === undefined) {
      const key = p.nodePort! * 4 + protocol;
      first = out.byNodePort.get(key);
      out.byNodePort.set(key, e);
    } else {
      const ipv4 = plainIPv4Number(ip);
      const key = portProtocolKey(p.port, protocol);
      if (ipv4 >= 0 && key >= 0) {
        const found = out.byIPv4.get(ipv4, key);
        first = found < 0 ? undefined : found;
        out.byIPv4.set(ipv4, key, e);
      } else {
        const text = addressKey(ip, p.port, p.protocol);
        first = out.byAddress.get(text);
        out.byAddress.set(text, e);
      }
    }
    if (first !== undefined) out.next[e] = first;
  }
  expectedCache.set(index, out);
  return out;
}

/** Marks every entry of the chain starting at `first` as found by virtual server `vs`. */
export function markFound(first: number | undefined, vs: number, found: Int32Array, next: Int32Array): void {
  for (let e = first ?? -1; e >= 0; e = next[e]!) found[e] = vs;
}

