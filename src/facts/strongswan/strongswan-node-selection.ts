import { defineFact } from '../define.js';
import { admits } from '../scheduling.js';
import { vpnPods } from './vpn-pods.js';

/** "VPN pod 的 `nodeSelector`/`tolerations`" against the workers: how many could run the VPN pod. */
export const strongswanNodeSelection = defineFact({
  id: 'strongswanNodeSelection',
  subject: 'Cluster',
  description:
    'For the strongSwan VPN pod (label app=strongswan): its nodeSelector and tolerations, and the workers that admit it (labels match, every ' +
    'NoSchedule/NoExecute taint tolerated): count and names.',
  reads: ['Pods (app=strongswan) spec.nodeSelector, affinity, tolerations', 'Nodes labels, spec.taints, spec.unschedulable'],
  compute: (_cluster, index) => {
    const pod = vpnPods(index)[0];
    if (!pod) return { vpnPods: 0, admitting: -1, admittingNodes: '', nodeSelector: '', tolerations: '', workers: index.snapshot.nodes.length, source: { file: 'pods' } };
    const ok = index.snapshot.nodes.filter((n) => !n.unschedulable && admits(pod, n));
    return {
      vpnPods: 1,
      pod: `${pod.namespace}/${pod.name}`,
      nodeSelector: Object.entries(pod.nodeSelector).map(([k, v]) => `${k}=${v}`).join(',') || 'none',
      tolerations: pod.tolerations.map((t) => `${t.key ?? '*'}${t.operator === 'Exists' ? '' : `=${t.value ?? ''}`}:${t.effect ?? '*'}`).join(', ') || 'none',
      workers: index.snapshot.nodes.length,
      admitting: ok.length,
      admittingNodes: ok.map((n) => n.name).sort().join(', ') || 'none',
      source: pod.source,
    };
  },
});
