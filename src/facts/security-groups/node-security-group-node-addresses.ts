import { isValidAddress } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';
import { ALL_TRAFFIC_PORTS, securityGroupCoverage, securityGroupFigure } from './security-group-coverage.js';
import { nodeSecurityGroups } from './tencent-security-group-roles.js';

/**
 * A node and the pods on another node of the same VPC reach each other only
 * if the pod's node admits the peer node's subnet ("Pod 所在节点的安全组是否正确放通对端节点所在的 VPC
 * 子网网段"). The snapshot shows each node's InternalIP, the part of its
 * subnet that certainly must be admitted.
 */
export const nodeSecurityGroupNodeAddresses = defineFact({
  id: 'nodeSecurityGroupNodeAddresses',
  subject: 'Cluster',
  description:
    'The node security groups against TCP and UDP 1-65535 from every node\'s InternalIP: the nodes whose address is not admitted, ' +
    'with the rule that drops it.',
  reads: ['cloud/tencent-security-groups-node*.json (or the only security group)', 'Node status.addresses[type=InternalIP]'],
  compute: (_cluster, index) => {
    const required = index.snapshot.nodes.flatMap((node) =>
      node.addresses
        .filter((a) => a.type === 'InternalIP' && isValidAddress(a.address))
        // TKE names nodes by their IP: `node 10.0.0.12/32` rather than `node 10.0.0.12 10.0.0.12/32`.
        .map((a) => ({ name: node.name === a.address ? 'node' : `node ${node.name}`, cidr: `${a.address}/${a.address.includes(':') ? 128 : 32}` })),
    );
    if (required.length === 0) throw new MissingDataError('nodes with status.addresses InternalIP (kubectl get nodes -o json > nodes.json)');
    return securityGroupCoverage(nodeSecurityGroups(index), required, ['tcp', 'udp'], ALL_TRAFFIC_PORTS);
  },
  figure: securityGroupFigure,
});
