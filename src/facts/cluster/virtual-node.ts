import type { NodeObject } from '../../snapshot/objects.js';

/**
 * virtual-kubelet nodes (ACK ECI, AKS virtual nodes, …) and EKS Fargate nodes run pods without a CNI
 * agent on a host: no Flannel, no Terway DaemonSet pod.
 */
export function isVirtualNode(node: NodeObject): boolean {
  return (
    node.labels.type === 'virtual-kubelet' ||
    node.labels['eks.amazonaws.com/compute-type'] === 'fargate' ||
    node.taints.some((t) => t.key === 'virtual-kubelet.io/provider' || t.key === 'eks.amazonaws.com/compute-type')
  );
}
