import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';
import { nodeEventsMatching } from '../logs/node-events-matching.js';
import { objectKey } from '../snapshot-index.js';

/**
 * Docker on Windows (kubernetes-sigs/sig-windows-tools#72): `hcsshim::CreateComputeSystem <id>: The container operating
 * system does not match the host operating system.`; containerd: `… image is incompatible with a … host` style texts.
 */
const osMismatch = /container operating system does not match the host operating system|(?:image|os version) .*is incompatible with (?:a |the )?.*host/i;

/** Restarts from which a container counts as "continuously restarting" (not from the document). */
export const RESTARTING = 5;

/**
 * Why a pod on a Windows node does not start (我的 Kubernetes Pod 卡在 "ContainerCreating" / 部署時,Docker 容器會持續重新
 * 啟動): the OS-mismatch events of the pod (a pause or app image built for another Windows version), and its state —
 * stuck in ContainerCreating, or restarting (CrashLoopBackOff or at least 5 restarts).
 */
export const windowsPodStartup = defineFact({
  id: 'windowsPodStartup',
  subject: 'Pod',
  description:
    'For a pod on a Windows node: events saying the container OS does not match the host OS (count, last message time), whether it waits in ContainerCreating, and whether a container is restarting (CrashLoopBackOff or ≥ 5 restarts), with its images.',
  reads: ['Events message', 'Pod status.containerStatuses', 'Pod spec.containers[].image'],
  compute: (pod, index) => {
    if (!index.snapshot.captured.includes('Event')) throw new MissingDataError('kubectl get events -A -o json > events.json (the events of the Windows pods)');
    const key = objectKey(pod.namespace, pod.name);
    const events = (nodeEventsMatching(index, osMismatch).get(pod.nodeName ?? '') ?? []).filter((e) => objectKey(e.involvedNamespace, e.involvedName ?? '') === key);
    const creating = pod.containerStatuses.some((c) => c.waitingReason === 'ContainerCreating') || (pod.phase === 'Pending' && pod.containerStatuses.length === 0);
    const restarting = pod.containerStatuses.filter((c) => c.waitingReason === 'CrashLoopBackOff' || c.restartCount >= RESTARTING);
    return {
      osMismatchEvents: events.reduce((n, e) => n + e.count, 0),
      containerCreating: creating,
      restarting: restarting.length > 0,
      restarts: restarting.map((c) => `${c.name} (${c.restartCount} restarts${c.waitingReason ? `, ${c.waitingReason}` : ''})`).join(', '),
      images: pod.containers.map((c) => c.image ?? c.name).join(', '),
      source: events[0]?.source ?? pod.source,
    };
  },
});
