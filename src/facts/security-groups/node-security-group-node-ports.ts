import { defineFact } from '../define.js';
import { securityGroupAdmits } from './security-group-admits.js';
import { describeCidrs, describeRule, type RequiredSource, securityGroupCoverage } from './security-group-coverage.js';
import { MissingDataError } from '../../errors.js';
import { isValidAddress } from '../../cidr/index.js';
import { serviceClbDirectAccess } from '../services/service-clb-direct-access.js';
import type { SnapshotIndex } from '../snapshot-index.js';
import { nodeSecurityGroups, type SecurityGroupChain } from './tencent-security-group-roles.js';

/** "检查集群中节点的安全组是否正确放通30000 - 32768端口区间". */
const NODE_PORT_RANGE: [number, number] = [30000, 32768];
/**
 * The document asks that the node security group admit the range ("正确放通30000 - 32768端口区间"), not
 * from which sources; a group that admits it from the VPC (an internal CLB, the CLB's health checks, other
 * nodes) is enough here, and tke-public-access-sg checks what public access needs. The VPC is the cluster's
 * nodeCIDRs (snapshot.yaml) or, without them, the nodes' own addresses.
 */
function vpcSources(index: SnapshotIndex): RequiredSource[] {
  const nodeCidrs = index.snapshot.cluster.nodeCIDRs?.value ?? [];
  if (nodeCidrs.length > 0) return nodeCidrs.map((cidr) => ({ name: 'VPC CIDR', cidr }));
  const nodes = index.snapshot.nodes.flatMap((n) =>
    n.addresses.filter((a) => a.type === 'InternalIP' && isValidAddress(a.address)).map((a) => ({ name: `node ${n.name}`, cidr: `${a.address}${a.address.includes(':') ? '/128' : '/32'}` })),
  );
  if (nodes.length === 0) throw new MissingDataError('cluster.nodeCIDRs in snapshot.yaml (the VPC CIDR), or the nodes (kubectl get nodes -o json > nodes.json)');
  return nodes;
}

/** Each nodePort of a NodePort / LoadBalancer Service the CLB forwards to NodeIP:NodePort, that the groups do not admit from every source. */
function servicePortsNotAdmitted(index: SnapshotIndex, chain: SecurityGroupChain, sources: RequiredSource[]): string[] {
  const out: string[] = [];
  for (const service of index.snapshot.services) {
    if (service.type !== 'NodePort' && service.type !== 'LoadBalancer') continue;
    if (serviceClbDirectAccess.compute(service, index).directAccess) continue;
    // Its CLB forwards to the Master nodes, whose own security group the document names for it.
    if (service.namespace === 'default' && service.name === 'kubelb-internet') continue;
    for (const port of service.ports) {
      const protocol = port.protocol.toLowerCase();
      if (!port.nodePort || (protocol !== 'tcp' && protocol !== 'udp')) continue;
      const cidrs = sources.map((s) => s.cidr);
      const result = securityGroupAdmits(chain.groups, { protocol, cidrs, ports: [[port.nodePort, port.nodePort]] });
      if (result.notAdmitted.length === 0) continue;
      const gaps = result.notAdmitted.map((p) => `from ${describeCidrs(p.cidrs, cidrs)} (${describeRule(p.rule)})`);
      out.push(`${service.namespace}/${service.name} ${port.nodePort}/${protocol.toUpperCase()}${port.name ? ` (${port.name})` : ''} ${gaps.join(', ')}`);
    }
  }
  return out;
}

export const nodeSecurityGroupNodePorts = defineFact({
  id: 'nodeSecurityGroupNodePorts',
  subject: 'Cluster',
  description:
    'The node security groups against TCP 30000-32768 (the NodePort range TKE says to admit) from the VPC (cluster.nodeCIDRs, else the ' +
    'nodes\' addresses), and each nodePort of a NodePort / LoadBalancer Service (not CLB direct access, not default/kubelb-internet whose ' +
    'CLB targets the Master nodes) that they do not admit from there.',
  reads: ['cloud/tencent-security-groups-node*.json (or the only security group)', 'Service spec.type, spec.ports[].nodePort/protocol'],
  compute: (_cluster, index) => {
    const chain = nodeSecurityGroups(index);
    const sources = vpcSources(index);
    const range = securityGroupCoverage(chain, sources, ['tcp'], [NODE_PORT_RANGE]);
    const services = servicePortsNotAdmitted(index, chain, sources);
    return {
      ...range,
      range: `TCP ${NODE_PORT_RANGE.join('-')}`,
      servicePortsNotAdmitted: services.join('; '),
      servicePortsNotAdmittedCount: services.length,
    };
  },
});
