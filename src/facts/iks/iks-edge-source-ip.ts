import { defineFact } from '../define.js';
import { admits, describeTaint } from '../scheduling.js';
import { podsMatchingSelector } from '../snapshot-index.js';

/** Edge nodes as IKS labels them ("添加了 `dedicated=edge` 标签"). */
export const isEdgeNode = (labels: Record<string, string>) => labels.dedicated === 'edge';

/**
 * "使用有污点的节点时源 IP 保留失败": with externalTrafficPolicy Local the NLB pods run on the tainted edge
 * nodes and forward only to app pods on the same node, so app pods that cannot run there get no traffic.
 */
export const iksEdgeSourceIp = defineFact({
  id: 'iksEdgeSourceIp',
  subject: 'Service',
  description:
    'For a Service with externalTrafficPolicy Local: the tainted edge nodes (label dedicated=edge with NoSchedule/NoExecute taints), the selected ' +
    'pods, and how many of them could run on an edge node (nodeSelector, required node affinity and tolerations evaluated).',
  reads: ['Service spec.selector, spec.externalTrafficPolicy', 'Nodes labels dedicated, spec.taints', 'Pods nodeSelector, affinity.nodeAffinity, tolerations'],
  compute: (service, index) => {
    const edge = index.snapshot.nodes.filter((n) => isEdgeNode(n.labels) && n.taints.some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute'));
    const pods = podsMatchingSelector(index, service.namespace, service.selector ?? {}).filter((p) => p.phase !== 'Succeeded' && p.phase !== 'Failed');
    const fitting = pods.filter((p) => edge.some((n) => admits(p, n)));
    return {
      externalTrafficPolicy: service.externalTrafficPolicy ?? 'Cluster',
      taintedEdgeNodes: edge.length,
      edgeNodes: edge.map((n) => n.name).sort().join(', '),
      edgeTaints: [...new Set(edge.flatMap((n) => n.taints.map(describeTaint)))].sort().join(', '),
      pods: pods.length,
      podsFitEdge: fitting.length,
      podNames: pods.map((p) => p.name).sort().slice(0, 5).join(', '),
      source: service.source,
    };
  },
});
