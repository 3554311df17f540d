import { cidrContains, isValidAddress, isValidCidr } from '../../cidr/index.js';
import { parseIbmcloudKsSubnets } from '../../parsers/cluster/ibmcloud-ks-subnets.js';
import { parseStrongswanValues } from '../../parsers/cluster/strongswan-values.js';
import type { NodeObject } from '../../snapshot/objects.js';
import { parsedClusterOutputs, requiredClusterOutput } from '../cluster-outputs.js';
import { defineFact } from '../define.js';
import type { SnapshotIndex } from '../snapshot-index.js';
import { smallestCoveringCidr } from './smallest-covering-cidr.js';

const privateIp = (n: NodeObject) => n.addresses.find((a) => a.type === 'InternalIP')?.address ?? n.labels['ibm-cloud.kubernetes.io/internal-ip'];
const host = (ip: string) => (ip.includes(':') ? `${ip}/128` : `${ip}/32`);

const cache = new WeakMap<SnapshotIndex, { cidrs: string[]; covered: number; uncovered: string[] }>();

/** The chart's exposed local CIDRs and how many workers they cover (once per analysis). */
function coverage(index: SnapshotIndex, cidrs: string[]) {
  const cached = cache.get(index);
  if (cached) return cached;
  const ips = index.snapshot.nodes.map(privateIp).filter((ip): ip is string => ip !== undefined && isValidAddress(ip));
  const inside = (ip: string) => cidrs.some((c) => cidrContains(c, host(ip)));
  const value = { cidrs, covered: ips.filter(inside).length, uncovered: ips.filter((ip) => !inside(ip)) };
  cache.set(index, value);
  return value;
}

/**
 * "工作程序节点在新的专用子网上供应，该子网未由现有 `localSubnetNAT` 或 `local.subnet` 设置通过 VPN 连接公开".
 * Only judged when the values expose at least one worker's subnet: a chart exposing only the pod and service
 * subnets does not mean to reach the workers.
 */
export const strongswanSubnetCoverage = defineFact({
  id: 'strongswanSubnetCoverage',
  subject: 'Node',
  description:
    'Whether the node\'s private IP (InternalIP) lies in a CIDR of the strongSwan chart\'s local.subnet or localSubnetNAT (original side), how many ' +
    'workers those CIDRs cover, and the CIDR to add: the worker\'s subnet from `ibmcloud ks subnets` when captured, else the smallest CIDR covering every uncovered worker.',
  reads: ['cluster/strongswan-values.yaml (local.subnet, localSubnetNAT)', 'Node status.addresses InternalIP', 'cluster/ibmcloud-ks-subnets.txt'],
  compute: (node, index) => {
    const values = requiredClusterOutput(index, 'strongswanValues', parseStrongswanValues, (v) => v.localSubnets.length === 0 && v.localSubnetNAT.length === 0);
    const cidrs = [...values.value.localSubnets, ...values.value.localSubnetNAT.map((n) => n.from)]
      .map((c) => (isValidAddress(c) ? host(c) : c))
      .filter(isValidCidr);
    const all = coverage(index, cidrs);
    const ip = privateIp(node);
    const covered = ip !== undefined && isValidAddress(ip) && cidrs.some((c) => cidrContains(c, host(ip)));
    const known = ip
      ? parsedClusterOutputs(index, 'ibmcloudKsSubnets', parseIbmcloudKsSubnets)
          .flatMap((o) => o.value.subnets)
          .find((s) => s.network && isValidCidr(s.network) && isValidAddress(ip) && cidrContains(s.network, host(ip)))?.network
      : undefined;
    return {
      privateIp: ip ?? 'none',
      covered,
      checkedAgainst: cidrs.join(', ') || 'none',
      workersCovered: all.covered,
      workersUncovered: all.uncovered.length,
      suggestedCidr: known ?? smallestCoveringCidr(all.uncovered) ?? 'none',
      suggestedFrom: known ? 'ibmcloud ks subnets' : `the smallest CIDR covering the ${all.uncovered.length} uncovered worker IP(s)`,
      source: { file: values.file.file, ...(values.value.lines['local.subnet'] ? { line: values.value.lines['local.subnet'] } : {}), key: 'local.subnet' },
    };
  },
});
