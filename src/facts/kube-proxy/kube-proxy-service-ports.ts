import { safeParseAddress } from '../../cidr/index.js';
import { kubeProxyServiceKey } from '../../parsers/linux/iptables-save.js';
import type { ServiceObject } from '../../snapshot/objects.js';
import { AddressPortTable } from './ipvs-address-keys.js';
import { plainIPv4Number } from '../../parsers/linux/ipvsadm-ipv4.js';
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
  /** The IPv4 ones of clusterIPs by number (key 0, value 1), for addresses the ipvsadm scan kept as numbers. */
  clusterIPv4: AddressPortTable;
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
  const out: ProxiedPorts = { ports: [], clusterIPs: new Set(), clusterIPv4: new AddressPortTable() };
  for (const service of index.snapshot.services) {
    if (!isProxiedService(service)) continue;
    const clusterIPs = [...validClusterIPs(service)];
    for (const ip of clusterIPs) {
      out.clusterIPs.add(ip);
      const ipv4 = plainIPv4Number(ip);
      if (ipv4 >= 0) out.clusterIPv4.set(ipv4, 0, 1);
    }
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
