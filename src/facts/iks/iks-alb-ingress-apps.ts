import { MissingDataError } from '../../errors.js';
import type { IngressObject, NodeObject, ServiceObject } from '../../snapshot/objects.js';
import { defineFact } from '../define.js';
import { objectKey, podsMatchingSelector, type SnapshotIndex } from '../snapshot-index.js';
import { taintedEdgeNodes } from './edge-nodes.js';
import { albIdOf, fitsEdge, podNames, running } from './iks-alb-source-ip.js';

const ingressClassOf = (ingress: IngressObject) => ingress.ingressClassName ?? ingress.annotations['kubernetes.io/ingress.class'];

/**
 * Whether the ALB serves the Ingress: `ingress.bluemix.net/ALB-ID` lists the ALBs an Ingress is for
 * (`private-cr…-alb1;private-cr…-alb2`); otherwise the class `public-iks-k8s-nginx` / `private-iks-k8s-nginx` picks public
 * or private ALBs, and an Ingress with neither is served by the public ALBs.
 */
function servedBy(ingress: IngressObject, albId: string): boolean {
  const ids = ingress.annotations['ingress.bluemix.net/ALB-ID'];
  if (ids !== undefined) return ids.split(';').map((id) => id.trim()).includes(albId);
  const type = albId.startsWith('public-') ? 'public' : 'private';
  const cls = ingressClassOf(ingress);
  return cls === undefined ? type === 'public' : cls === `${type}-iks-k8s-nginx`;
}

/** The backend pods of the Ingresses the ALB serves that fit no edge node, by backend Service. */
function ingressApps(index: SnapshotIndex, albId: string, edge: readonly NodeObject[]) {
  const ingresses = index.snapshot.ingresses.filter((i) => servedBy(i, albId));
  const services = new Map<string, ServiceObject>();
  let missingBackends = 0;
  for (const ingress of ingresses) {
    for (const backend of ingress.backends) {
      const service = index.servicesByKey.get(objectKey(ingress.namespace, backend.serviceName));
      if (service) services.set(objectKey(service.namespace, service.name), service);
      else missingBackends++;
    }
  }
  const unfit: string[] = [];
  let appPods = 0;
  for (const [key, service] of [...services.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const pods = running(podsMatchingSelector(index, service.namespace, service.selector ?? {}));
    appPods += pods.length;
    const off = pods.filter((p) => !fitsEdge(p, edge));
    if (off.length > 0) unfit.push(`${key} (${off.length} of ${pods.length} pods: ${podNames(off)})`);
  }
  return { ingresses, appPods, unfit, missingBackends };
}

/**
 * "使用有污点的节点时源 IP 保留失败" for an Ingress ALB whose Service preserves the source IP: the document says the
 * service forwards only to app pods on the same worker node, so app pods behind the ALB's Ingresses that cannot be
 * scheduled on the tainted edge nodes (where the ALB pods run) get no traffic.
 */
export const iksAlbIngressApps = defineFact({
  id: 'iksAlbIngressApps',
  subject: 'Service',
  description:
    'For the LoadBalancer Service of an Ingress ALB: the Ingresses the ALB serves (ingress.bluemix.net/ALB-ID, class public-/private-iks-k8s-nginx, ' +
    'public ALBs for an Ingress without either) and their backend Services whose pods could not run on any tainted edge node ' +
    '(nodeSelector, required node affinity and tolerations evaluated), with the pods; backends not in the snapshot are counted.',
  reads: ['Ingresses class, annotations ingress.bluemix.net/ALB-ID, backends', 'Services spec.selector', 'Pods nodeSelector, affinity.nodeAffinity, tolerations'],
  compute: (service, index) => {
    const albId = albIdOf(service);
    if (albId !== undefined && !index.snapshot.captured.includes('Ingress')) throw new MissingDataError('kubectl get ingresses -A -o json > ingresses.json');
    const apps = albId === undefined ? { ingresses: [], appPods: 0, unfit: [], missingBackends: 0 } : ingressApps(index, albId, taintedEdgeNodes(index));
    return {
      ingresses: apps.ingresses.map((i) => `${i.namespace}/${i.name}`).sort().join(', '),
      appPods: apps.appPods,
      appServicesOffEdgeCount: apps.unfit.length,
      appServicesOffEdge: apps.unfit.join('; '),
      missingBackends: apps.missingBackends,
      source: apps.ingresses[0]?.source ?? service.source,
    };
  },
});
