import { defineFact } from '../define.js';
import { podNetworkPodsOnNode } from '../snapshot-index.js';

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
    const services = index.snapshot.services.filter((s) => (s.type === 'NodePort' || s.type === 'LoadBalancer') && s.ports.some((p) => (p.nodePort ?? 0) > 0));
    const names = services.map((s) => `${s.namespace ?? 'default'}/${s.name}`);
    const pods = podNetworkPodsOnNode(index, node.name).filter((p) => p.phase === 'Running');
    return {
      nodePortServices: services.length,
      nodePortServiceNames: names.length <= SHOWN ? names.join(', ') : `${names.slice(0, SHOWN).join(', ')} and ${names.length - SHOWN} more`,
      runningPods: pods.length,
      source: node.source,
    };
  },
});
