import { ipv4Text, plainIPv4Number } from '../../parsers/linux/ipvsadm-ipv4.js';
import type { ServiceObject } from '../../snapshot/objects.js';
import { norm } from './ipvs-address-keys.js';
import { type ProxiedPort, hostPort } from './kube-proxy-service-ports.js';
import { objectKey, type SnapshotIndex } from '../snapshot-index.js';

/**
 * The ready endpoints behind one Service port (from Endpoints and EndpointSlices, whose ports carry the
 * Service port's name): what an IPVS virtual server's real servers are compared with on every node.
 * Built once per Service port and analysis; a real server is then found by number, without a string.
 * Helpers for kube-proxy-node-rules.ts; no fact lives here.
 */
export interface ReadyEndpoints {
  /** Distinct ready `address:port` targets. */
  size: number;
  /** `address number * 65536 + port` of the plain-IPv4 targets with a port up to 65535, each once. */
  ipv4Keys: number[];
  /** The same keys as a set, when there are too many to search in a row. */
  ipv4Set?: Set<number>;
  /** The other targets (IPv6, other ports): normal-form address → ports. */
  others: Map<string, Set<number>>;
  /** `ip:port` texts of every target, built when a mismatch is described. */
  texts?: Set<string>;
}

const byService = new WeakMap<ServiceObject, Map<string, ReadyEndpoints>>();

/** Memoised per Service and port name/protocol; callers keep it per expected entry, so 5,000 nodes do not recompute it. */
export function readyEndpoints(index: SnapshotIndex, port: ProxiedPort): ReadyEndpoints {
  let perService = byService.get(port.service);
  if (!perService) byService.set(port.service, (perService = new Map<string, ReadyEndpoints>()));
  const key = `${port.portName}/${port.protocol}`;
  let ready = perService.get(key);
  if (!ready) perService.set(key, (ready = readyEndpointsOf(index, port)));
  return ready;
}

// Up to this many keys a real server is looked for in a row; past it, in a Set.
const SEARCH_IN_ROW = 16;

function readyEndpointsOf(index: SnapshotIndex, port: ProxiedPort): ReadyEndpoints {
  const keys: number[] = [];
  let set: Set<number> | undefined;
  const others = new Map<string, Set<number>>();
  let otherCount = 0;
  for (const ep of index.endpointsByService.get(objectKey(port.service.namespace, port.service.name)) ?? []) {
    const epPort = ep.ports.find((p) => (p.name ?? '') === port.portName && p.protocol.toUpperCase() === port.protocol);
    if (!epPort) continue;
    for (const a of ep.addresses) {
      if (!a.ready) continue;
      // A plain dotted quad is its own normal form; anything else is normalised first.
      let ipv4 = plainIPv4Number(a.ip);
      const ip = ipv4 >= 0 ? a.ip : norm(a.ip);
      if (ip === undefined) continue;
      if (ipv4 < 0) ipv4 = plainIPv4Number(ip);
      const key = ipv4Key(ipv4, epPort.port);
      if (key >= 0) {
        if (set ? set.has(key) : keys.includes(key)) continue;
        keys.push(key);
        if (set) set.add(key);
        else if (keys.length > SEARCH_IN_ROW) set = new Set(keys);
      } else {
        let ports = others.get(ip);
        if (!ports) others.set(ip, (ports = new Set<number>()));
        if (!ports.has(epPort.port)) otherCount++;
        ports.add(epPort.port);
      }
    }
  }
  const ready: ReadyEndpoints = { size: keys.length + otherCount, ipv4Keys: keys, others };
  if (set) ready.ipv4Set = set;
  return ready;
}

/** `address number * 65536 + port` for a plain IPv4 address (its number ≥ 0) and a port in 0–65535; else -1. */
export function ipv4Key(ipv4: number, port: number): number {
  return ipv4 >= 0 && Number.isInteger(port) && port >= 0 && port <= 0xffff ? ipv4 * 65536 + port : -1;
}

/** Whether a ready endpoint has this key (from ipv4Key). */
export function hasIPv4Key(ready: ReadyEndpoints, key: number): boolean {
  return ready.ipv4Set ? ready.ipv4Set.has(key) : ready.ipv4Keys.includes(key);
}

/** `ip:port` of every ready endpoint (for a mismatch's message). */
export function readyEndpointTexts(ready: ReadyEndpoints): Set<string> {
  if (ready.texts) return ready.texts;
  const texts = new Set<string>();
  for (const key of ready.ipv4Keys) texts.add(hostPort(ipv4Text(Math.floor(key / 65536)), key % 65536));
  for (const [address, ports] of ready.others) for (const port of ports) texts.add(hostPort(address, port));
  return (ready.texts = texts);
}
