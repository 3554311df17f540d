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
  /** `address number * 65536 + port` of the plain-IPv4 targets with a port up to 65535, ascending. */
  ipv4Keys: Float64Array;
  /** The other targets (IPv6, other ports): normal-form address → ports. */
  others: Map<string, Set<number>>;
  /** `ip:port` texts of every target, built when a mismatch is described. */
  texts?: Set<string>;
}

const byService = new WeakMap<ServiceObject, Map<string, ReadyEndpoints>>();
const byPort = new WeakMap<ProxiedPort, ReadyEndpoints>();

/** Memoised per Service port (one WeakMap hit per node) and per Service, so 5,000 nodes do not recompute it. */
export function readyEndpoints(index: SnapshotIndex, port: ProxiedPort): ReadyEndpoints {
  const known = byPort.get(port);
  if (known) return known;
  let perService = byService.get(port.service);
  if (!perService) byService.set(port.service, (perService = new Map<string, ReadyEndpoints>()));
  const key = `${port.portName}/${port.protocol}`;
  let ready = perService.get(key);
  if (!ready) perService.set(key, (ready = readyEndpointsOf(index, port)));
  byPort.set(port, ready);
  return ready;
}

function readyEndpointsOf(index: SnapshotIndex, port: ProxiedPort): ReadyEndpoints {
  const keys: number[] = [];
  const others = new Map<string, Set<number>>();
  let otherCount = 0;
  for (const ep of index.endpointsByService.get(objectKey(port.service.namespace, port.service.name)) ?? []) {
    const epPort = ep.ports.find((p) => (p.name ?? '') === port.portName && p.protocol.toUpperCase() === port.protocol);
    if (!epPort) continue;
    for (const a of ep.addresses) {
      const ip = a.ready ? norm(a.ip) : undefined;
      if (ip === undefined) continue;
      const key = ipv4Key(plainIPv4Number(ip), epPort.port);
      if (key >= 0) keys.push(key);
      else {
        let ports = others.get(ip);
        if (!ports) others.set(ip, (ports = new Set<number>()));
        if (!ports.has(epPort.port)) otherCount++;
        ports.add(epPort.port);
      }
    }
  }
  const sorted = Float64Array.from(keys).sort();
  let distinct = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[distinct++] = sorted[k]!;
  return { size: distinct + otherCount, ipv4Keys: sorted.subarray(0, distinct), others };
}

/** `address number * 65536 + port` for a plain IPv4 address (its number ≥ 0) and a port in 0–65535; else -1. */
export function ipv4Key(ipv4: number, port: number): number {
  return ipv4 >= 0 && Number.isInteger(port) && port >= 0 && port <= 0xffff ? ipv4 * 65536 + port : -1;
}

/** Whether a ready endpoint has this key (from ipv4Key). */
export function hasIPv4Key(ready: ReadyEndpoints, key: number): boolean {
  const keys = ready.ipv4Keys;
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const k = keys[mid]!;
    if (k === key) return true;
    if (k < key) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/** `ip:port` of every ready endpoint (for a mismatch's message). */
export function readyEndpointTexts(ready: ReadyEndpoints): Set<string> {
  if (ready.texts) return ready.texts;
  const texts = new Set<string>();
  for (const key of ready.ipv4Keys) texts.add(hostPort(ipv4Text(Math.floor(key / 65536)), key % 65536));
  for (const [address, ports] of ready.others) for (const port of ports) texts.add(hostPort(address, port));
  return (ready.texts = texts);
}
