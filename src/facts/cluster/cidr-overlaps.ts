import { cidrsOverlap, subtractCidrs } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';
import { maxPanels } from '../figure.js';
import { overlapFigure } from '../figure-builders.js';
import { type NamedRange, type RangeKind, networkRanges } from './network-ranges.js';

// Kinds of range that must not share addresses, as sorted `a|b` pairs.
const disjoint = new Set([
  'pod|service', 'pod|serviceAddress', 'external|pod', 'external|service', 'external|serviceAddress', 'external|node', 'external|nodeAddress',
  'node|service', 'nodeAddress|service', 'node|serviceAddress', 'nodeAddress|serviceAddress',
]);
// Terway gives pods addresses from VPC vSwitches, so there pod ranges legitimately lie inside node/VPC ranges.
const podAndHost = new Set(['node|pod', 'nodeAddress|pod']);

function mustBeDisjoint(a: RangeKind, b: RangeKind, terway: boolean): boolean {
  const key = [a, b].sort().join('|');
  return disjoint.has(key) || (!terway && podAndHost.has(key));
}

/** Node InternalIPs and Service ClusterIPs are many single addresses; the CIDRs of the plan are few. */
const isAddressKind = (kind: RangeKind) => kind === 'nodeAddress' || kind === 'serviceAddress';

const intersection = (a: string, b: string) => subtractCidrs([a], subtractCidrs([a], [b]));

interface Overlap {
  a: NamedRange;
  b: NamedRange;
  shared: string[];
}

/**
 * Every overlapping pair of ranges that must be disjoint. CIDRs are compared
 * pairwise (a handful), addresses against the CIDRs, and addresses against
 * addresses by equality, so thousands of nodes and Services stay linear.
 */
function findOverlaps(ranges: readonly NamedRange[], terway: boolean): { overlaps: Overlap[]; pairs: number } {
  const cidrs = ranges.filter((r) => !isAddressKind(r.kind));
  const addresses = ranges.filter((r) => isAddressKind(r.kind));
  const overlaps: Overlap[] = [];
  const kindPairs = new Set<string>();
  const compare = (a: NamedRange, b: NamedRange) => {
    if (!mustBeDisjoint(a.kind, b.kind, terway)) return;
    kindPairs.add([a.kind, b.kind].sort().join('|'));
    if (cidrsOverlap(a.cidr, b.cidr)) overlaps.push({ a, b, shared: intersection(a.cidr, b.cidr) });
  };
  cidrs.forEach((a, i) => cidrs.slice(i + 1).forEach((b) => compare(a, b)));
  for (const address of addresses) for (const cidr of cidrs) compare(cidr, address);
  const nodeAddresses = new Map(addresses.filter((r) => r.kind === 'nodeAddress').map((r) => [r.cidr, r]));
  for (const service of addresses.filter((r) => r.kind === 'serviceAddress')) {
    const node = nodeAddresses.get(service.cidr);
    if (node) overlaps.push({ a: node, b: service, shared: [service.cidr] });
  }
  if (nodeAddresses.size > 0 && addresses.some((r) => r.kind === 'serviceAddress')) kindPairs.add('nodeAddress|serviceAddress');
  return { overlaps, pairs: kindPairs.size };
}

/**
 * ACK "如何规划集群网络?" (and TKE's peer-VPC / IDC and Windows' cluster, Service
 * and management subnets): the pod CIDR, the Service CIDR, the node (VPC /
 * vSwitch) CIDRs and external ranges that must be routed must not overlap.
 */
export const cidrOverlaps = defineFact({
  id: 'cidrOverlaps',
  subject: 'Cluster',
  description:
    'Every pair of pod CIDR, Service CIDR, node CIDRs, external CIDRs (snapshot.yaml or inferred), vSwitch CIDRs (cloud inventory), node InternalIPs and — when the Service CIDR is unknown — Service ClusterIPs that overlap, with the exact overlapping range.',
  reads: ['cluster.podCIDRs, serviceCIDRs, nodeCIDRs, externalCIDRs', 'cloud/aliyun-vswitches*.json CidrBlock, Ipv6CidrBlock', 'Node status.addresses InternalIP', 'Service spec.clusterIPs', 'cluster.cni'],
  compute: (_cluster, index) => {
    const { ranges, compared, invalid } = networkRanges(index);
    const kinds = new Set(ranges.map((r) => r.kind));
    if (!kinds.has('pod') && !kinds.has('service')) {
      throw new MissingDataError('cluster.podCIDRs and cluster.serviceCIDRs in snapshot.yaml (or the kube-proxy / kube-flannel-cfg ConfigMaps)');
    }
    const { overlaps, pairs } = findOverlaps(ranges, index.snapshot.cluster.cni?.value === 'terway');
    if (pairs === 0) throw new MissingDataError('cluster.serviceCIDRs and cluster.nodeCIDRs in snapshot.yaml: no two kinds of range to compare');
    const first = overlaps[0];
    const listed = overlaps.slice(0, 10).map((o) => `${o.a.name} overlaps ${o.b.name} (shared ${o.shared.join(', ')})`);
    return {
      overlapCount: overlaps.length,
      overlaps: `${listed.join('; ') || 'none'}${overlaps.length > 10 ? ` … and ${overlaps.length - 10} more` : ''}`,
      compared: compared.join('; '),
      invalid: invalid.join(', ') || 'none',
      /** The first few pairs, structured, for the picture. */
      pairs: overlaps.slice(0, maxPanels).map((o) => ({ a: { name: o.a.name, cidr: o.a.cidr }, b: { name: o.b.name, cidr: o.b.cidr }, shared: o.shared })),
      ...(first?.a.source ? { source: first.a.source } : first?.b.source ? { source: first.b.source } : {}),
    };
  },
  figure: (v) => overlapFigure('Address ranges that must not share addresses, and what they share', v.pairs, v.overlapCount),
});
