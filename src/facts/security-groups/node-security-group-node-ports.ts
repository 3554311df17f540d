import { defineFact } from '../define.js';
import { securityGroupAdmits } from './security-group-admits.js';
import { describeCidrs, describeRule, securityGroupCoverage } from './security-group-coverage.js';
import { serviceClbDirectAccess } from '../services/service-clb-direct-access.js';
import type { SnapshotIndex } from '../snapshot-index.js';
import { nodeSecurityGroups, type SecurityGroupChain } from './tencent-security-group-roles.js';

/** "检查集群中节点的安全组是否正确放通30000 - 32768端口区间". */
const NODE_PORT_RANGE: [number, number] = [30000, 32768];
/**
 * Clients reach NodeIP:NodePort through a CLB that keeps their address, so the
 * range must be open to every source (the document's "来源 0.0.0.0/0" test).
 */
const ANY_SOURCE = '0.0.0.0/0';

/** Each nodePort of a NodePort / LoadBalancer Service the CLB forwards to NodeIP:NodePort, that the groups do not admit from every source. */
function servicePortsNotAdmitted(index: SnapshotIndex, chain: SecurityGroupChain): string[] {
  const out: string[] = [];
  for (const service of index.snapshot.services) {
    if (service.type !== 'NodePort' && service.type !== 'LoadBalancer') continue;
    if (serviceClbDirectAccess.compute(service, index).directAccess) continue;
    // Its CLB forwards to the Master nodes, whose own security group the document names for it.
    if (service.namespace === 'default' && service.name === 'kubelb-internet') continue;
    for (const port of service.ports) {
      const protocol = port.protocol.toLowerCase();
      if (!port.nodePort || (protocol !== 'tcp' && protocol !== 'udp')) continue;
      const result = securityGroupAdmits(chain.groups, { protocol, cidrs: [ANY_SOURCE], ports: [[port.nodePort, port.nodePort]] });
      if (result.notAdmitted.length === 0) continue;
      const gaps = result.notAdmitted.map((p) => `from ${describeCidrs(p.cidrs, [ANY_SOURCE])} (${describeRule(p.rule)})`);
      out.push(`${service.namespace}/${service.name} ${port.nodePort}/${protocol.toUpperCase()}${port.name ? ` (${port.name})` : ''} ${gaps.join(', ')}`);
    }
  }
  return out;
}

export const nodeSecurityGroupNodePorts = defineFact({
  id: 'nodeSecurityGroupNodePorts',
  subject: 'Cluster',
  description:
    'The node security groups against TCP 30000-32768 from 0.0.0.0/0 (the NodePort range TKE says to admit), and each nodePort of ' +
    'a NodePort / LoadBalancer Service (not CLB direct access, not default/kubelb-internet whose CLB targets the Master nodes) ' +
    'that they do not admit from every source.',
  reads: ['cloud/tencent-security-groups-node*.json (or the only security group)', 'Service spec.type, spec.ports[].nodePort/protocol'],
  compute: (_cluster, index) => {
    const chain = nodeSecurityGroups(index);
    const range = securityGroupCoverage(chain, [{ name: 'any source', cidr: ANY_SOURCE }], ['tcp'], [NODE_PORT_RANGE]);
    const services = servicePortsNotAdmitted(index, chain);
    return {
      ...range,
      range: `TCP ${NODE_PORT_RANGE.join('-')}`,
      servicePortsNotAdmitted: services.join('; '),
      servicePortsNotAdmittedCount: services.length,
    };
  },
});
