import { defineFact } from '../define.js';
import { admits } from '../scheduling.js';
import { podsMatchingSelector } from '../snapshot-index.js';
import { describeEdgeTaints, taintedEdgeNodes } from './edge-nodes.js';
import { albIdOf } from './iks-alb-source-ip.js';

/**
 * "使用有污点的节点时源 IP 保留失败": with externalTrafficPolicy Local the NLB pods run on the tainted edge
 * nodes and forward only to app pods on the same node, so app pods that cannot run there get no traffic.
 */
export const iksEdgeSourceIp = defineFact({
  id: 'iksEdgeSourceIp',
  subject: 'Service',
  description:
    'For a Service with externalTrafficPolicy Local: whether it is an Ingress ALB\'s Service, the tainted edge nodes (label dedicated=edge with NoSchedule/NoExecute taints), the selected ' +
    'pods, and how many of them could run on an edge node (nodeSelector, required node affinity and tolerations evaluated).',
  reads: ['Service spec.selector, spec.externalTrafficPolicy', 'Nodes labels dedicated, spec.taints', 'Pods nodeSelector, affinity.nodeAffinity, tolerations'],
  compute: (service, index) => {
    const edge = taintedEdgeNodes(index);
    const pods = podsMatchingSelector(index, service.namespace, service.selector ?? {}).filter((p) => p.phase !== 'Succeeded' && p.phase !== 'Failed');
    const fitting = pods.filter((p) => edge.some((n) => admits(p, n)));
    return {
      externalTrafficPolicy: service.externalTrafficPolicy ?? 'Cluster',
      // The Service of an Ingress ALB: its pods are ALB pods, checked by iksAlbSourceIp.
      isAlb: albIdOf(service) !== undefined,
      taintedEdgeNodes: edge.length,
      edgeNodes: edge.map((n) => n.name).sort().join(', '),
      edgeTaints: describeEdgeTaints(edge),
      pods: pods.length,
      podsFitEdge: fitting.length,
      podNames: pods.map((p) => p.name).sort().slice(0, 5).join(', '),
      source: service.source,
    };
  },
});
