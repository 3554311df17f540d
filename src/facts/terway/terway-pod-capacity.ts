import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';
import { cappedList } from '../capped-list.js';
import { awaitsNetwork } from './terway-node-readiness.js';
import { terwayIpPods } from './terway-vswitches.js';

/** Set by the Terway daemon (types.NormalIPTypeIPs) to its pool capacity: ENIs it may use × IPv4 addresses per ENI. */
export const maxAvailableIpAnnotation = 'k8s.aliyun.com/max-available-ip';

/**
 * ACK "Terway网络模式支持的Pod数量是多少?": a Terway node holds as many pods as the ECS
 * instance has ENI IPs. Terway writes that number on the node
 * (k8s.aliyun.com/max-available-ip = (ENIs − 1) × IPs per ENI in ENI multi-IP mode);
 * pods needing a Terway IP beyond it stay ContainerCreating.
 */
export const terwayPodCapacity = defineFact({
  id: 'terwayPodCapacity',
  subject: 'Node',
  description:
    'The node\'s Terway IP capacity (annotation k8s.aliyun.com/max-available-ip) against the pods scheduled there that need a Terway IP (not host-network, not finished, not trunk pods), how many of them have one, and status.capacity.pods.',
  reads: ['Node annotation k8s.aliyun.com/max-available-ip, status.capacity.pods', 'Pods spec.nodeName, spec.hostNetwork, status.phase, status.podIPs'],
  compute: (node, index) => {
    const raw = node.annotations[maxAvailableIpAnnotation];
    const maxIps = raw === undefined ? Number.NaN : Number(raw);
    if (!Number.isInteger(maxIps) || maxIps < 0) {
      throw new MissingDataError(
        `the ${maxAvailableIpAnnotation} annotation of each Terway node (kubectl get nodes -o json; Terway in ENI or ENI multi-IP mode sets it)`,
      );
    }
    const pods = terwayIpPods(index, node.name);
    const waiting = pods.filter(awaitsNetwork);
    return {
      maxIps,
      podsNeedingIp: pods.length,
      podsWithIp: pods.filter((p) => p.podIPs.length > 0).length,
      beyond: Math.max(pods.length - maxIps, 0),
      waitingCount: waiting.length,
      waitingPods: cappedList(waiting.map((p) => `${p.namespace}/${p.name}`), 5) || 'none',
      capacityPods: node.capacityPods ?? 'unknown',
      source: node.source,
    };
  },
});
