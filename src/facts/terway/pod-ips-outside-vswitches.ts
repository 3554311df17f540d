import { cidrContains, isValidAddress, isValidCidr } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import { cloudInventory } from '../cloud-inventory.js';
import { defineFact } from '../define.js';
import { cappedList } from '../capped-list.js';
import { describeVSwitch, nodeTerwayVSwitches, terwayIpPods, vswitchesById, vswitchesCapture } from './terway-vswitches.js';

/**
 * ACK "Terway网络模式下,Pod分配的IP不在虚拟交换机网段中怎么办?": Terway hands out IPs of
 * the ENIs already attached to the node, and picks a vSwitch only when it creates an ENI;
 * ENIs left from a previous cluster, or from before the vSwitch configuration changed,
 * keep giving pods addresses outside the vSwitches now configured.
 */
export const podIpsOutsideVSwitches = defineFact({
  id: 'podIpsOutsideVSwitches',
  subject: 'Node',
  description:
    'Pod IPs on the node (not host-network, not trunk pods) outside every CIDR of the vSwitches Terway is configured with for the node (its zone in eni-config, or the ConfigMap its terway-config label names), with those CIDRs.',
  reads: ['Pods status.podIPs, spec.hostNetwork, annotations k8s.aliyun.com/pod-eni', 'ConfigMap kube-system/eni-config (and dynamic config) vswitches', 'Node zone and terway-config labels', 'cloud/aliyun-vswitches*.json'],
  compute: (node, index) => {
    const pods = terwayIpPods(index, node.name).filter((p) => p.podIPs.some(isValidAddress));
    const configured = nodeTerwayVSwitches(index, node);
    const base = { configuredFrom: configured.from, podsChecked: pods.length, source: configured.source };
    if (pods.length === 0) return { ...base, outsideCount: 0, outsidePods: 'none', vswitchCidrs: 'not needed' };
    if (cloudInventory(index).files.vswitches.length === 0) throw new MissingDataError(vswitchesCapture);
    const byId = vswitchesById(index);
    const missing = configured.ids.filter((id) => byId.get(id)?.cidr === undefined);
    if (configured.ids.length === 0 || missing.length > 0) {
      throw new MissingDataError(`${vswitchesCapture} listing ${missing.join(', ') || `the vSwitch of node ${node.name}`}`);
    }
    const cidrs = configured.ids.flatMap((id) => [byId.get(id)?.cidr, byId.get(id)?.ipv6Cidr].filter((c): c is string => c !== undefined && isValidCidr(c)));
    const outside = pods.flatMap((pod) => {
      const stray = pod.podIPs.filter((ip) => isValidAddress(ip) && !cidrs.some((cidr) => cidrContains(cidr, ip)));
      return stray.length > 0 ? [{ pod, stray }] : [];
    });
    return {
      ...base,
      outsideCount: outside.length,
      outsidePods: cappedList(outside.map(({ pod, stray }) => `${pod.namespace}/${pod.name} ${stray.join(', ')}`), 10) || 'none',
      vswitchCidrs: configured.ids.map((id) => describeVSwitch(id, byId.get(id))).join(', '),
      ...(outside[0] ? { source: outside[0].pod.source } : {}),
    };
  },
});
