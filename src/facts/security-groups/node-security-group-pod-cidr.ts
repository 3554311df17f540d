import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';
import { ALL_TRAFFIC_PORTS, securityGroupCoverage, securityGroupFigure } from './security-group-coverage.js';
import { nodeSecurityGroups } from './tencent-security-group-roles.js';

/**
 * Pods on different nodes talk with their own IPs (TKE routes the container
 * CIDR in the VPC), so the node security group must admit the container CIDR
 * and the VPC / subnet CIDR of the peer nodes ("检查节点安全组是否正确放通容器网段和对端节点所在的
 * VPC 网段或 VPC 子网网段").
 */
export const nodeSecurityGroupPodCidr = defineFact({
  id: 'nodeSecurityGroupPodCidr',
  subject: 'Cluster',
  description:
    'The node security groups (first matching ingress rule decides, groups in binding order) against TCP and UDP 1-65535 from the ' +
    'container CIDR (cluster.podCIDRs) and the VPC / subnet CIDR (cluster.nodeCIDRs): the parts not admitted, with the rule that drops them.',
  reads: ['cloud/tencent-security-groups-node*.json (or the only security group)', 'cluster.podCIDRs', 'cluster.nodeCIDRs'],
  compute: (_cluster, index) => {
    const { podCIDRs, nodeCIDRs } = index.snapshot.cluster;
    if (!podCIDRs || !nodeCIDRs) throw new MissingDataError('cluster.podCIDRs and cluster.nodeCIDRs in snapshot.yaml: the container CIDR and the VPC / subnet CIDR');
    const required = [
      ...podCIDRs.value.map((cidr) => ({ name: 'container CIDR', cidr })),
      ...nodeCIDRs.value.map((cidr) => ({ name: 'VPC CIDR', cidr })),
    ];
    return securityGroupCoverage(nodeSecurityGroups(index), required, ['tcp', 'udp'], ALL_TRAFFIC_PORTS);
  },
  figure: securityGroupFigure,
});
