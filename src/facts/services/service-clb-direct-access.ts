import { defineFact } from '../define.js';

const ANNOTATION = 'service.cloud.tencent.com/direct-access';

/**
 * TKE's CLB-to-Pod direct access: with this annotation the CLB sends traffic
 * straight to pod IPs (VPC-CNI), so the NodeIP:NodePort hop and the node's
 * kube-proxy rules for it are not on the path.
 */
export const serviceClbDirectAccess = defineFact({
  id: 'serviceClbDirectAccess',
  subject: 'Service',
  description: `Whether the Service has the TKE annotation ${ANNOTATION}: "true" (CLB forwards to pods, not to NodeIP:NodePort).`,
  reads: [`Service metadata.annotations["${ANNOTATION}"]`],
  priority: 2,
  compute: (service) => ({
    directAccess: service.annotations[ANNOTATION]?.toLowerCase() === 'true',
    source: service.source,
  }),
});
