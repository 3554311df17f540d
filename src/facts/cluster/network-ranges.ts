import { cidrContains, isValidCidr, normalizeCidr } from '../../cidr/index.js';
import type { Source } from '../../snapshot/source.js';
import { cloudInventory } from '../cloud-inventory.js';
import type { SnapshotIndex } from '../snapshot-index.js';

/** What a range is for: overlap between different kinds breaks routing. */
export type RangeKind = 'pod' | 'service' | 'node' | 'external' | 'nodeAddress' | 'serviceAddress';

export interface NamedRange {
  kind: RangeKind;
  /** `pod CIDR 172.20.0.0/16`, `node cn-hangzhou.192.168.0.10 InternalIP 192.168.0.10`. */
  name: string;
  cidr: string;
  source?: Source;
}

export interface NetworkRanges {
  ranges: NamedRange[];
  /** What was compared, for the finding: `pod CIDR (snapshot.yaml), 3 node InternalIPs, …`. */
  compared: string[];
  invalid: string[];
}

const hostBits = (address: string) => (address.includes(':') ? '/128' : '/32');

/**
 * The address ranges of the cluster plan: pod, Service, node and external
 * CIDRs (snapshot.yaml or inferred), the VPC's vSwitch CIDRs (cloud inventory,
 * host ranges like node CIDRs), plus, where a CIDR is not known, the addresses
 * that show part of it (node InternalIPs, Service ClusterIPs).
 */
export function networkRanges(index: SnapshotIndex): NetworkRanges {
  const cluster = index.snapshot.cluster;
  const out: NetworkRanges = { ranges: [], compared: [], invalid: [] };
  const add = (kind: RangeKind, label: string, cidrs: readonly string[], from: string, source?: Source) => {
    const valid = cidrs.filter((c) => isValidCidr(c));
    out.invalid.push(...cidrs.filter((c) => !isValidCidr(c)).map((c) => `${label} ${c}`));
    for (const cidr of valid) out.ranges.push({ kind, name: `${label} ${normalizeCidr(cidr)}`, cidr: normalizeCidr(cidr), ...(source ? { source } : {}) });
    if (valid.length > 0) out.compared.push(`${label} ${valid.join(', ')} (${from})`);
  };
  if (cluster.podCIDRs) add('pod', 'pod CIDR', cluster.podCIDRs.value, cluster.podCIDRs.from, cluster.podCIDRs.source);
  if (cluster.serviceCIDRs) add('service', 'Service CIDR', cluster.serviceCIDRs.value, cluster.serviceCIDRs.from, cluster.serviceCIDRs.source);
  if (cluster.nodeCIDRs) add('node', 'node CIDR', cluster.nodeCIDRs.value, cluster.nodeCIDRs.from, cluster.nodeCIDRs.source);
  for (const e of cluster.externalCIDRs?.value ?? []) add('external', `external ${e.name ?? 'range'}`, [e.cidr], cluster.externalCIDRs!.from, cluster.externalCIDRs!.source);
  const inventory = cloudInventory(index);
  let vswitchCidrs = 0;
  for (const v of inventory.vswitches) {
    for (const cidr of [v.cidr, v.ipv6Cidr].filter((c): c is string => c !== undefined && isValidCidr(c))) {
      out.ranges.push({ kind: 'node', name: `vSwitch ${v.vswitchId} ${normalizeCidr(cidr)}`, cidr: normalizeCidr(cidr), source: v.source });
      vswitchCidrs += 1;
    }
  }
  if (vswitchCidrs > 0) out.compared.push(`${vswitchCidrs} vSwitch CIDRs (${inventory.files.vswitches.join(', ')})`);

  // Node addresses already inside a given node CIDR add nothing; others stand in for it.
  const nodeCidrs = out.ranges.filter((r) => r.kind === 'node').map((r) => r.cidr);
  let nodeAddresses = 0;
  for (const node of index.snapshot.nodes) {
    for (const a of node.addresses.filter((x) => x.type === 'InternalIP' && isValidCidr(x.address))) {
      if (nodeCidrs.some((c) => cidrContains(c, a.address))) continue;
      out.ranges.push({ kind: 'nodeAddress', name: `node ${node.name} InternalIP ${a.address}`, cidr: normalizeCidr(`${a.address}${hostBits(a.address)}`), source: node.source });
      nodeAddresses += 1;
    }
  }
  if (nodeAddresses > 0) out.compared.push(`${nodeAddresses} node InternalIPs`);
  if (!cluster.serviceCIDRs) {
    let serviceAddresses = 0;
    for (const s of index.snapshot.services) {
      for (const ip of s.clusterIPs.filter((x) => isValidCidr(x))) {
        out.ranges.push({ kind: 'serviceAddress', name: `Service ${s.namespace}/${s.name} ClusterIP ${ip}`, cidr: normalizeCidr(`${ip}${hostBits(ip)}`), source: s.source });
        serviceAddresses += 1;
      }
    }
    if (serviceAddresses > 0) out.compared.push(`${serviceAddresses} Service ClusterIPs (Service CIDR not known)`);
  }
  return out;
}
