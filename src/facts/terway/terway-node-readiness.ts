import type { NodeObject, PodObject } from '../../snapshot/objects.js';
import { isVirtualNode } from '../cluster/virtual-node.js';
import { defineFact } from '../define.js';
import { cappedList } from '../capped-list.js';
import type { SnapshotIndex } from '../snapshot-index.js';

const isTerwayPod = (p: PodObject) => p.namespace === 'kube-system' && p.ownerKind === 'DaemonSet' && /^terway/.test(p.ownerName ?? '');

/**
 * Scheduled to a node but still Pending in ContainerCreating: the sandbox, whose network Terway sets up,
 * does not exist yet. Image pulls (ErrImagePull, ImagePullBackOff), config errors and running init containers
 * (PodInitializing) all come after the sandbox and its network: such a pod is not waiting for the network.
 */
export const awaitsNetwork = (p: PodObject) =>
  p.nodeName !== undefined &&
  p.phase === 'Pending' &&
  !p.hostNetwork &&
  p.containerStatuses.every((c) => c.ready || c.waitingReason === undefined || c.waitingReason === 'ContainerCreating');


const terwayPodCounts = new WeakMap<SnapshotIndex, number>();

/** Terway DaemonSet pods in the cluster, counted once per snapshot (the fact runs per node). */
function terwayPodCount(index: SnapshotIndex): number {
  let count = terwayPodCounts.get(index);
  if (count === undefined) {
    count = (index.podsByNamespace.get('kube-system') ?? []).filter(isTerwayPod).length;
    terwayPodCounts.set(index, count);
  }
  return count;
}

export function nodesWithPodsAwaitingNetwork(index: SnapshotIndex): NodeObject[] {
  return index.snapshot.nodes.filter((n) => !isVirtualNode(n) && (index.podsByNode.get(n.name) ?? []).some(awaitsNetwork));
}

function describeState(pod: PodObject): string {
  const waiting = pod.containerStatuses.filter((c) => !c.ready).map((c) => `${c.name} ${c.waitingReason ?? 'not ready'}${c.restartCount > 0 ? `, ${c.restartCount} restarts` : ''}`);
  return `${pod.phase ?? 'unknown phase'}${waiting.length > 0 ? ` (${waiting.join('; ')})` : ''}`;
}

/**
 * ACK "如何查看Terway网络Pod生命周期?": a pod stays Pending / ContainerCreating
 * while Terway sets up its network, which never finishes when the node's
 * terway-eniip pod is not Ready (or missing).
 */
export const terwayNodeReadiness = defineFact({
  id: 'terwayNodeReadiness',
  subject: 'Node',
  description: 'The node\'s Terway DaemonSet pod (terway-eniip, terway-eni …) and its readiness, the pods on the node still Pending waiting for their network, and how many Terway pods run in the cluster.',
  reads: ['Pods spec.nodeName, status.phase, Ready condition, containerStatuses, ownerReferences'],
  compute: (node, index) => {
    const pods = index.podsByNode.get(node.name) ?? [];
    const terway = pods.find(isTerwayPod);
    const waiting = pods.filter((p) => awaitsNetwork(p) && p !== terway);
    return {
      terwayPresent: terway !== undefined,
      terwayReady: terway?.ready === true,
      terwayPod: terway ? `kube-system/${terway.name}` : 'none',
      terwayState: terway ? describeState(terway) : 'no Terway pod on this node',
      terwayPodsInCluster: terwayPodCount(index),
      waitingCount: waiting.length,
      waitingPods: cappedList(waiting.map((p) => `${p.namespace}/${p.name}`), 5),
      source: (terway ?? waiting[0] ?? node).source,
    };
  },
});
