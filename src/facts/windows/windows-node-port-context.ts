import { defineFact } from '../define.js';
import { type SnapshotIndex, podNetworkPodsOnNode } from '../snapshot-index.js';

const SHOWN = 3;

/**
 * What a Windows node's NodePort forwarding depends on: the NodePort / LoadBalancer Services of the cluster and the
 * pods on the pod network running on the node (當我相應減少 Pod 之後,我的 Windows 節點會停止路由傳送: at least one pod
 * must run on a Windows node for NodePort forwarding to work).
 */
export const windowsNodePortContext = defineFact({
  id: 'windowsNodePortContext',
  subject: 'Node',
  description:
    'The NodePort and LoadBalancer Services with a nodePort (count, first names) and the running, non host-network pods on the node.',
  reads: ['Services spec.type, spec.ports[].nodePort', 'Pods spec.nodeName, spec.hostNetwork, status.phase'],
  compute: (node, index) => {
    const { nodePortServices, nodePortServiceNames } = nodePortServicesOf(index);
    const pods = podNetworkPodsOnNode(index, node.name).filter((p) => p.phase === 'Running');
    return { nodePortServices, nodePortServiceNames, runningPods: pods.length, source: node.source };
  },
});

const cache = new WeakMap<SnapshotIndex, { nodePortServices: number; nodePortServiceNames: string }>();

/** The cluster's NodePort / LoadBalancer Services with a nodePort: counted once per analysis, not once per Windows node. */
function nodePortServicesOf(index: SnapshotIndex): { nodePortServices: number; nodePortServiceNames: string } {
  const hit = cache.get(index);
  if (hit) return hit;
  const services = index.snapshot.services.filter((s) => (s.type === 'NodePort' || s.type === 'LoadBalancer') && s.ports.some((p) => (p.nodePort ?? 0) > 0));
  const names = services.slice(0, SHOWN).map((s) => `${s.namespace ?? 'default'}/${s.name}`);
  const out = {
    nodePortServices: services.length,
    nodePortServiceNames: services.length <= SHOWN ? names.join(', ') : `${names.join(', ')} and ${services.length - SHOWN} more`,
  };
  cache.set(index, out);
  return out;
}
