import type { PodObject } from '../../snapshot/objects.js';
import { defineFact } from '../define.js';
import { describeTaint, untoleratedTaints } from '../scheduling.js';

/** The `keepalived` pods IKS creates per NLB IP: `ibm-system/ibm-cloud-provider-ip-169-61-XX-XX-…`. */
export const isKeepalivedPod = (p: PodObject) => p.namespace === 'ibm-system' && p.name.startsWith('ibm-cloud-provider-ip-');

/** Why a Pending keepalived pod cannot be placed: the taints of the nodes it does not tolerate. */
export const iksKeepalivedPod = defineFact({
  id: 'iksKeepalivedPod',
  subject: 'Pod',
  description:
    'For an ibm-system/ibm-cloud-provider-ip-* pod: its phase, the scheduler\'s PodScheduled message, and the NoSchedule/NoExecute node taints it ' +
    'does not tolerate (with how many nodes carry them).',
  reads: ['Pod status.phase, status.conditions PodScheduled, spec.tolerations', 'Nodes spec.taints'],
  compute: (pod, index) => {
    const counts = new Map<string, number>();
    for (const node of index.snapshot.nodes) for (const t of untoleratedTaints(node, pod.tolerations)) counts.set(describeTaint(t), (counts.get(describeTaint(t)) ?? 0) + 1);
    return {
      phase: pod.phase ?? 'Unknown',
      schedulerMessage: pod.unschedulable?.message ?? 'none',
      untoleratedTaints: [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([t, n]) => `${t} (${n} node${n === 1 ? '' : 's'})`).join(', ') || 'none',
      untoleratedCount: counts.size,
      source: pod.source,
    };
  },
});
