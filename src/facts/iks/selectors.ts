import { defineSelector, type Selector } from '../define.js';
import { objectKey } from '../snapshot-index.js';
import { iksEventMatches } from './iks-event-messages.js';
import { isKeepalivedPod } from './iks-keepalived-pod.js';

/** Selectors of the IKS rules (listed in selectors.ts). */
export const iksSelectors: Selector[] = [
  defineSelector({
    id: 'loadBalancerServices',
    subject: 'Service',
    description: 'Services of type LoadBalancer',
    select: (index) => index.snapshot.services.filter((s) => s.type === 'LoadBalancer'),
  }),
  defineSelector({
    id: 'loadBalancerServicesWithIP',
    subject: 'Service',
    description: 'LoadBalancer Services that request an address with spec.loadBalancerIP',
    select: (index) => index.snapshot.services.filter((s) => s.type === 'LoadBalancer' && (s.loadBalancerIP ?? '') !== ''),
  }),
  defineSelector({
    id: 'localTrafficLoadBalancerServices',
    subject: 'Service',
    description: 'LoadBalancer Services with externalTrafficPolicy: Local (source IP preserved) and a selector',
    select: (index) =>
      index.snapshot.services.filter((s) => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local' && Object.keys(s.selector ?? {}).length > 0),
  }),
  defineSelector({
    id: 'servicesWithIksEvents',
    subject: 'Service',
    description: 'Services named by an Event with one of the IKS load balancer messages (iks-event-messages.ts)',
    select: (index) => {
      const keys = iksEventMatches(index).byService;
      return index.snapshot.services.filter((s) => keys.has(objectKey(s.namespace, s.name)));
    },
  }),
  defineSelector({
    id: 'pendingKeepalivedPods',
    subject: 'Pod',
    description: 'Pending ibm-system/ibm-cloud-provider-ip-* pods (the keepalived pods of the NLB IPs)',
    select: (index) => index.snapshot.pods.filter((p) => isKeepalivedPod(p) && p.phase === 'Pending'),
  }),
  defineSelector({
    id: 'ingressesWithWebsocketServices',
    subject: 'Ingress',
    description: 'Ingresses annotated with ingress.bluemix.net/websocket-services or nginx.org/websocket-services',
    select: (index) =>
      index.snapshot.ingresses.filter((i) => i.annotations['ingress.bluemix.net/websocket-services'] !== undefined || i.annotations['nginx.org/websocket-services'] !== undefined),
  }),
];
