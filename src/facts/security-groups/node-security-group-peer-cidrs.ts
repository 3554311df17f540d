import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';
import { isPeerRange } from '../cluster/external-ranges.js';
import { ALL_TRAFFIC_PORTS, securityGroupCoverage, securityGroupFigure } from './security-group-coverage.js';
import { nodeSecurityGroups } from './tencent-security-group-roles.js';

/**
 * Across VPCs joined by CCN or peering, the nodes must admit the peer VPC and
 * the peer cluster's container CIDR ("检查 Pod 所在节点的安全组是否正确放通对端 VPC 网段(或者节点所在的
 * VPC 子网网段)和容器网段"); the user names them as cluster.externalCIDRs
 * entries of kind peer-vpc and peer-pods (src/facts/external-ranges.ts).
 */
export const nodeSecurityGroupPeerCidrs = defineFact({
  id: 'nodeSecurityGroupPeerCidrs',
  subject: 'Cluster',
  description:
    'The node security groups against TCP and UDP 1-65535 from each peer range (cluster.externalCIDRs entries of kind ' +
    'peer-vpc and peer-pods): the parts not admitted, with the rule that drops them.',
  reads: ['cloud/tencent-security-groups-node*.json (or the only security group)', 'cluster.externalCIDRs entries of kind peer-vpc / peer-pods'],
  compute: (_cluster, index) => {
    const peers = (index.snapshot.cluster.externalCIDRs?.value ?? []).filter(isPeerRange);
    if (peers.length === 0) {
      throw new MissingDataError(
        'cluster.externalCIDRs in snapshot.yaml: the peer VPC CIDR and the peer container CIDR, as entries with kind: peer-vpc and kind: peer-pods (e.g. { cidr: 10.1.0.0/16, name: gz-data VPC, kind: peer-vpc })',
      );
    }
    const required = peers.map((p) => ({ name: p.name ?? 'peer', cidr: p.cidr }));
    return securityGroupCoverage(nodeSecurityGroups(index), required, ['tcp', 'udp'], ALL_TRAFFIC_PORTS);
  },
  figure: securityGroupFigure,
});
