import { defineFact } from '../define.js';
import { familyOf } from './ip-family.js';
import { cappedList } from '../capped-list.js';

/**
 * ACK "在kubectl中显示的Cluster IP仍然是IPv4地址 … 请确认spec.ipFamilyPolicy配置的不是SingleStack":
 * a Service with ipFamilyPolicy SingleStack (the default) gets an IPv4 ClusterIP only.
 */
export const singleStackServices = defineFact({
  id: 'singleStackServices',
  subject: 'Cluster',
  description: 'Services (not ExternalName, not headless, not default/kubernetes, which is always single-stack) whose spec.clusterIPs hold no IPv6 address, with their ipFamilyPolicy.',
  reads: ['Service spec.type, spec.clusterIPs, spec.ipFamilyPolicy'],
  compute: (_cluster, index) => {
    // default/kubernetes is always single-stack (the apiserver creates it from the first Service CIDR): not a finding.
    const services = index.snapshot.services.filter(
      (s) => s.type !== 'ExternalName' && !(s.namespace === 'default' && s.name === 'kubernetes') && s.clusterIPs.some((ip) => familyOf(ip) !== undefined) && !s.clusterIPs.some((ip) => familyOf(ip) === 6),
    );
    return {
      count: services.length,
      services: cappedList(services.map((s) => `${s.namespace}/${s.name} (${s.ipFamilyPolicy ?? 'ipFamilyPolicy unset'}, ${s.clusterIPs.join(', ')})`), 5),
      ...(services[0] ? { source: services[0].source } : {}),
    };
  },
});
