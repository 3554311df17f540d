import { defineFact } from '../define.js';

export const nlb2Annotation = 'service.kubernetes.io/ibm-load-balancer-cloud-provider-enable-features';

/** NLB 2.0 is asked for with the `ipvs` feature annotation; without it the Service gets an NLB 1.0. */
export const iksNlbVersion = defineFact({
  id: 'iksNlbVersion',
  subject: 'Service',
  description: `The NLB version a LoadBalancer Service asks for (2.0 when annotation ${nlb2Annotation} lists "ipvs", else 1.0) and its externalTrafficPolicy (Cluster when unset).`,
  reads: [`Service metadata.annotations["${nlb2Annotation}"], spec.externalTrafficPolicy`],
  compute: (service) => {
    const features = service.annotations[nlb2Annotation];
    const ipvs = (features ?? '').split(',').map((f) => f.trim().toLowerCase()).includes('ipvs');
    return { version: ipvs ? '2.0' : '1.0', enableFeatures: features ?? '', externalTrafficPolicy: service.externalTrafficPolicy ?? 'Cluster', source: service.source };
  },
});
