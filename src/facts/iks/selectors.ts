import { defineSelector, type Selector } from '../define.js';
import { objectKey } from '../snapshot-index.js';
import { iksEventMatches, iksEventServices } from './iks-event-messages.js';
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
    id: 'servicesRequestingLoadBalancerIP',
    subject: 'Service',
    description:
      'LoadBalancer Services that request an address with spec.loadBalancerIP, and Services named by a "Requested cloud provider IP … is ' +
      'not available" event (also those not in the snapshot, as a stand-in named by the event)',
    select: (index) => {
      const { byService } = iksEventMatches(index);
      const named = iksEventServices(index).filter((s) => byService.get(objectKey(s.namespace, s.name))?.some((m) => m.id === 'ipNotAvailable'));
      const requesting = index.snapshot.services.filter((s) => s.type === 'LoadBalancer' && (s.loadBalancerIP ?? '') !== '');
      return [...new Set([...requesting, ...named])];
    },
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
    description:
      'Services named by an Event with one of the IKS load balancer messages (iks-event-messages.ts), also those not in the snapshot ' +
      '(a stand-in named by the event\'s involvedObject)',
    select: (index) => iksEventServices(index),
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
