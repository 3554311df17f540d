import type { EventObject, PodObject } from '../../snapshot/objects.js';
import { defineFact } from '../define.js';
import { latestEvent } from '../logs/latest-event.js';
import { objectKey, podNamed, type SnapshotIndex } from '../snapshot-index.js';

// failed to do add; error parse config, can't found dev by mac 00:16:3e:xx:xx:xx: not found
const macNotFound = /can't found dev by mac ((?:[0-9A-Fa-fx]{2}:){5}[0-9A-Fa-fx]{2})/;

export function macNotFoundEvents(index: SnapshotIndex, pod: PodObject): EventObject[] {
  return (index.eventsByInvolved.get(`Pod/${objectKey(pod.namespace, pod.name)}`) ?? []).filter((e) => macNotFound.test(e.message));
}

export function podsWithMacNotFoundEvents(index: SnapshotIndex): PodObject[] {
  const pods = new Set<PodObject>();
  for (const event of index.snapshot.events) {
    if (event.involvedKind !== 'Pod' || !macNotFound.test(event.message)) continue;
    const pod = podNamed(index, event.involvedNamespace, event.involvedName ?? '');
    if (pod) pods.add(pod);
  }
  return [...pods];
}

/**
 * ACK "Terway网络模式下,创建Pod提示找不到mac地址": the ENI loads asynchronously, so the
 * CNI retries and the pod usually starts; a pod that stays unstarted with this
 * error means the ENI driver failed to load (high-order memory shortage) — restart the instance.
 */
export const terwayMacNotFound = defineFact({
  id: 'terwayMacNotFound',
  subject: 'Pod',
  description: 'Events of the pod saying "can\'t found dev by mac", the MAC address, how often, and whether the pod has since become Running and Ready.',
  reads: ['Events involving the Pod', 'Pod status.phase and Ready condition, spec.nodeName'],
  compute: (pod, index) => {
    const events = macNotFoundEvents(index, pod);
    const latest = latestEvent(events);
    return {
      eventCount: events.reduce((n, e) => n + e.count, 0),
      mac: latest ? (macNotFound.exec(latest.message)?.[1] ?? 'unknown') : 'unknown',
      lastSeen: latest?.lastTimestamp ?? 'unknown',
      recovered: pod.phase === 'Running' && pod.ready,
      phase: pod.phase ?? 'unknown',
      node: pod.nodeName ?? 'not scheduled',
      source: latest?.source ?? pod.source,
    };
  },
});
