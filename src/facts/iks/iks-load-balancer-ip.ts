import { cidrContains, isValidAddress } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';
import { portableSubnets, vlanIpConfigName } from './portable-subnets.js';

const capture = `kubectl -n kube-system get configmap ${vlanIpConfigName} -o json > ${vlanIpConfigName}.json (or cluster/ibmcloud-ks-subnets.txt: ibmcloud ks subnets)`;

/**
 * A Service's `spec.loadBalancerIP` against the cluster's portable subnets (portable-subnets.ts). An IP in
 * none of them can never be assigned: the provider answers `Requested cloud provider IP … is not available`.
 */
export const iksLoadBalancerIp = defineFact({
  id: 'iksLoadBalancerIp',
  subject: 'Service',
  description:
    'The Service\'s spec.loadBalancerIP, whether it lies inside one of the cluster\'s portable subnets (ConfigMap kube-system/ibm-cloud-provider-vlan-ip-config ' +
    'vlanipmap.json, and `ibmcloud ks subnets` rows bound to the cluster), the subnet that holds it and the subnets it was checked against.',
  reads: ['Service spec.loadBalancerIP', `ConfigMap kube-system/${vlanIpConfigName} data["vlanipmap.json"], cluster_id`, 'cluster/ibmcloud-ks-subnets.txt'],
  compute: (service, index) => {
    const requested = service.loadBalancerIP ?? '';
    const { subnets } = portableSubnets(index);
    if (subnets.length === 0) throw new MissingDataError(capture);
    const valid = isValidAddress(requested);
    const holder = valid ? subnets.find((s) => cidrContains(s.cidr, requested.includes(':') ? `${requested}/128` : `${requested}/32`)) : undefined;
    const describe = (s: (typeof subnets)[number]) => `${s.cidr} (${s.public === false ? 'private' : s.public ? 'public' : 'portable'} VLAN ${s.vlanId || '?'}${s.zone ? `, ${s.zone}` : ''})`;
    return {
      requested,
      valid,
      inside: holder !== undefined,
      subnet: holder ? describe(holder) : 'none',
      checkedAgainst: subnets.map(describe).join(', '),
      source: holder?.source ?? subnets[0]!.source,
    };
  },
});
