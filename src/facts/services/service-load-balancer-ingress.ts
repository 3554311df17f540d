import { defineFact } from '../define.js';

/** The EXTERNAL-IP column of `kubectl get service`: the CLB VIP (or hostname) the cloud controller wrote back. */
export const serviceLoadBalancerIngress = defineFact({
  id: 'serviceLoadBalancerIngress',
  subject: 'Service',
  description: 'The Service\'s status.loadBalancer.ingress addresses (EXTERNAL-IP) and their count.',
  reads: ['Service spec.type, status.loadBalancer.ingress[].ip/hostname'],
  compute: (service) => {
    const ingress = service.loadBalancerIngress.filter((a) => a !== '');
    return { type: service.type, externalIP: ingress.join(', ') || '<pending>', count: ingress.length, source: service.source };
  },
});
