import { safeParseAddress } from '../../cidr/index.js';
import { kubeProxyServiceKey } from '../../parsers/linux/iptables-save.js';
import type { ServiceObject } from '../../snapshot/objects.js';
import { norm } from './kube-proxy-mode.js';
import { objectKey, type SnapshotIndex } from '../snapshot-index.js';

/**
 * What kube-proxy must program for each Service port, computed once per
 * snapshot so that checking a node is one set lookup per Service port.
 * Helpers for the kube-proxy facts; no fact lives here.
 */
export interface ProxiedPort {
  service: ServiceObject;
  /** kube-proxy's ServicePortName, as in its iptables comments: `ns/name:port` (`ns/name` for an unnamed port). */
  name: string;
  portName: string;
  /** Upper case, as ipvsadm prints it: TCP, UDP, SCTP. */
  protocol: string;
  port: number;
  nodePort?: number;
  /** Valid cluster IPs, normalised; the first is the primary family. */
  clusterIPs: string[];
}

export interface ProxiedPorts {
  ports: ProxiedPort[];
  /** Every cluster IP of the cluster: an IPVS virtual server on one of them is not a NodePort one. */
  clusterIPs: Set<string>;
}

// Services carrying this label are left to another proxy; kube-proxy ignores them (KEP-2447 / service-proxy-name).
const PROXY_NAME_LABEL = 'service.kubernetes.io/service-proxy-name';

/** Headless (clusterIP None) and ExternalName Services get no kube-proxy rules; neither do Services claimed by another proxy. */
export function isProxiedService(service: ServiceObject): boolean {
  return service.type !== 'ExternalName' && validClusterIPs(service).length > 0 && service.labels[PROXY_NAME_LABEL] === undefined;
}

const clusterIPsCache = new WeakMap<ServiceObject, string[]>();

/** Each address parsed once per Service (the selector, the ports and the Windows port pool all ask). */
function validClusterIPs(service: ServiceObject): string[] {
  let valid = clusterIPsCache.get(service);
  if (!valid) {
    valid = [];
    for (const ip of service.clusterIPs) {
      const parsed = ip === 'None' ? undefined : safeParseAddress(ip);
      if (parsed?.success) valid.push(parsed.address);
    }
    clusterIPsCache.set(service, valid);
  }
  return valid;
}

const portsCache = new WeakMap<SnapshotIndex, ProxiedPorts>();

export function proxiedServicePorts(index: SnapshotIndex): ProxiedPorts {
  const hit = portsCache.get(index);
  if (hit) return hit;
  const out: ProxiedPorts = { ports: [], clusterIPs: new Set() };
  for (const service of index.snapshot.services) {
    if (!isProxiedService(service)) continue;
    const clusterIPs = [...validClusterIPs(service)];
    clusterIPs.forEach((ip) => out.clusterIPs.add(ip));
    for (const p of service.ports) {
      const portName = p.name ?? '';
      const entry: ProxiedPort = {
        service,
        name: kubeProxyServiceKey(service.namespace ?? '', service.name, portName),
        portName,
        protocol: p.protocol.toUpperCase(),
        port: p.port,
        clusterIPs,
      };
      if (p.nodePort !== undefined && p.nodePort > 0) entry.nodePort = p.nodePort;
      out.ports.push(entry);
    }
  }
  portsCache.set(index, out);
  return out;
}

const targetsCache = new WeakMap<ServiceObject, Map<string, ReadyEndpoints>>();

/**
 * `ip:port` of the ready endpoints behind one Service port, from Endpoints and
 * EndpointSlices (their ports carry the Service port's name). Memoised per
 * Service so 5,000 nodes do not recompute it.
 */
export function readyEndpointTargets(index: SnapshotIndex, port: ProxiedPort): Set<string> {
  return readyEndpoints(index, port).targets;
}

/** The same endpoints as address → ports, so a real server can be looked up without building a string. */
export function readyEndpointPortsByAddress(index: SnapshotIndex, port: ProxiedPort): Map<string, Set<number>> {
  return readyEndpoints(index, port).byAddress;
}

interface ReadyEndpoints {
  targets: Set<string>;
  byAddress: Map<string, Set<number>>;
}

function readyEndpoints(index: SnapshotIndex, port: ProxiedPort): ReadyEndpoints {
  // Looked up once per node for every Service port: one WeakMap hit instead of two maps and a key string.
  const known = byPort.get(port);
  if (known) return known;
  const ready = readyEndpointsOf(index, port);
  byPort.set(port, ready);
  return ready;
}

const byPort = new WeakMap<ProxiedPort, ReadyEndpoints>();

function readyEndpointsOf(index: SnapshotIndex, port: ProxiedPort): ReadyEndpoints {
  let perService = targetsCache.get(port.service);
  if (!perService) targetsCache.set(port.service, (perService = new Map<string, ReadyEndpoints>()));
  const key = `${port.portName}/${port.protocol}`;
  const hit = perService.get(key);
  if (hit) return hit;
  const ready: ReadyEndpoints = { targets: new Set<string>(), byAddress: new Map<string, Set<number>>() };
  for (const ep of index.endpointsByService.get(objectKey(port.service.namespace, port.service.name)) ?? []) {
    const epPort = ep.ports.find((p) => (p.name ?? '') === port.portName && p.protocol.toUpperCase() === port.protocol);
    if (!epPort) continue;
    for (const a of ep.addresses) {
      const ip = a.ready ? norm(a.ip) : undefined;
      if (ip === undefined) continue;
      ready.targets.add(hostPort(ip, epPort.port));
      let ports = ready.byAddress.get(ip);
      if (!ports) ready.byAddress.set(ip, (ports = new Set<number>()));
      ports.add(epPort.port);
    }
  }
  perService.set(key, ready);
  return ready;
}

/** `10.0.0.1:80`, `[fd00::1]:80` — the form ipvsadm and iptables print. */
export function hostPort(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** `kube-system/kube-dns:dns 10.96.0.10:53/UDP` */
export function describeClusterIPPort(p: ProxiedPort, ip: string): string {
  return `${p.name} ${hostPort(ip, p.port)}/${p.protocol}`;
}

/** `shop/web:http NodePort 30080/TCP` */
export function describeNodePort(p: ProxiedPort): string {
  return `${p.name} NodePort ${p.nodePort}/${p.protocol}`;
}

/** The examples kept, then `… and N more` up to `total`, so a finding stays readable at 20,000 Services. */
