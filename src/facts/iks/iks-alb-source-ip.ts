import type { NodeObject, PodObject, ServiceObject } from '../../snapshot/objects.js';
import { defineFact } from '../define.js';
import { admits } from '../scheduling.js';
import { podsMatchingSelector } from '../snapshot-index.js';
import { describeEdgeTaints, taintedEdgeNodes } from './edge-nodes.js';

/** The Service that exposes an Ingress ALB is `kube-system/<ALB ID>`: `public-cr18e61e63c6e94b658596ca93d087eed9-alb1`. */
const albIdPattern = /^(public|private)-cr[0-9a-z]+-alb\d+$/;

export function albIdOf(service: Pick<ServiceObject, 'namespace' | 'name'>): string | undefined {
  return service.namespace === 'kube-system' && albIdPattern.test(service.name) ? service.name : undefined;
}

export const running = (pods: PodObject[]) => pods.filter((p) => p.phase !== 'Succeeded' && p.phase !== 'Failed');
export const fitsEdge = (pod: PodObject, edge: readonly NodeObject[]) => edge.some((n) => admits(pod, n));
export const podNames = (pods: readonly PodObject[]) => pods.map((p) => p.name).sort().slice(0, 5).join(', ');

/**
 * "使用有污点的节点时源 IP 保留失败", the Ingress ALB part: with source IP preservation on the ALB's LoadBalancer Service
 * (externalTrafficPolicy: Local) and tainted `dedicated=edge` nodes, the ALB pods must run on the edge nodes (by
 * default they carry the edge node affinity and toleration); the app pods behind its Ingresses: iks-alb-ingress-apps.ts.
 */
export const iksAlbSourceIp = defineFact({
  id: 'iksAlbSourceIp',
  subject: 'Service',
  description:
    'For the LoadBalancer Service of an Ingress ALB (kube-system/<ALB ID>): the ALB ID, the tainted edge nodes, the ALB pods and how many could run ' +
    'on an edge node (nodeSelector, required node affinity and tolerations evaluated).',
  reads: ['Service name, namespace, spec.selector', 'Nodes labels dedicated, spec.taints', 'Pods nodeSelector, affinity.nodeAffinity, tolerations'],
  compute: (service, index) => {
    const albId = albIdOf(service) ?? '';
    const edge = taintedEdgeNodes(index);
    const albPods = albId === '' ? [] : running(podsMatchingSelector(index, service.namespace, service.selector ?? {}));
    return {
      isAlb: albId !== '',
      albId,
      taintedEdgeNodes: edge.length,
      edgeNodes: edge.map((n) => n.name).sort().join(', '),
      edgeTaints: describeEdgeTaints(edge),
      albPods: albPods.length,
      albPodsFitEdge: albPods.filter((p) => fitsEdge(p, edge)).length,
      albPodNames: podNames(albPods),
      source: service.source,
    };
  },
});
