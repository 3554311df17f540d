import type { NodeObject } from '../../snapshot/objects.js';
import { describeTaint } from '../scheduling.js';
import type { SnapshotIndex } from '../snapshot-index.js';

/** Edge nodes as IKS labels them ("添加了 `dedicated=edge` 标签"). */
export const isEdgeNode = (labels: Record<string, string>) => labels.dedicated === 'edge';

const cache = new WeakMap<SnapshotIndex, NodeObject[]>();

/** Edge nodes with a NoSchedule or NoExecute taint ("污染了这些边缘节点"), once per analysis. */
export function taintedEdgeNodes(index: SnapshotIndex): NodeObject[] {
  let edge = cache.get(index);
  if (!edge) {
    edge = index.snapshot.nodes.filter((n) => isEdgeNode(n.labels) && n.taints.some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute'));
    cache.set(index, edge);
  }
  return edge;
}

export const describeEdgeTaints = (edge: readonly NodeObject[]) => [...new Set(edge.flatMap((n) => n.taints.map(describeTaint)))].sort().join(', ');
