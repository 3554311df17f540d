import { defineFact } from '../define.js';

/**
 * 常見的 Kubernetes 主要錯誤: problems with the Kubernetes system containers are the first place to look
 * (`kubectl get pods -n kube-system`): pods not Running, or crash-looping.
 */
export const kubeSystemPodHealth = defineFact({
  id: 'kubeSystemPodHealth',
  subject: 'Pod',
  description: 'A kube-system pod\'s phase, whether it is not Running (nor Succeeded), and its crash-looping containers (CrashLoopBackOff) with restart counts.',
  reads: ['Pod status.phase', 'Pod status.containerStatuses'],
  compute: (pod) => {
    const crashing = pod.containerStatuses.filter((c) => c.waitingReason === 'CrashLoopBackOff');
    const waiting = pod.containerStatuses.find((c) => c.waitingReason)?.waitingReason;
    return {
      phase: pod.phase ?? 'unknown',
      waitingReason: waiting ?? 'none',
      notRunning: pod.phase !== 'Running' && pod.phase !== 'Succeeded',
      crashLooping: crashing.length > 0,
      crashingContainers: crashing.map((c) => `${c.name} (${c.restartCount} restarts)`).join(', '),
      node: pod.nodeName ?? 'not scheduled',
      source: pod.source,
    };
  },
});
