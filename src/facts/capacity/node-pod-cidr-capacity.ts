import { cidrFamily, isValidCidr, usableAddresses } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';
import { hostNetworkPodsOnNode, podNetworkPodsOnNode } from '../snapshot-index.js';

/**
 * How many pods the node's pod CIDR can address. `usable` excludes network and
 * broadcast; `assignable` also excludes the first address, which the bridge
 * plugin (cni0 with host-local IPAM, as flannel uses) takes as the gateway.
 */
export const nodePodCidrCapacity = defineFact({
  id: 'nodePodCidrCapacity',
  subject: 'Node',
  description: 'IPv4 pod CIDR of the node with its usable and assignable address counts, the node\'s status.capacity.pods less the host-network pods on it (podNetworkCapacity), and the pods on it holding a pod-network address; `hostNetworkNote` says how host-network pods were counted.',
  reads: ['Node spec.podCIDR(s)', 'Node status.capacity.pods', 'Pods spec.nodeName, spec.hostNetwork, status.phase'],
  compute: (node, index) => {
    const podCIDR = node.podCIDRs.find((c) => isValidCidr(c) && cidrFamily(c) === 4);
    if (!podCIDR) throw new MissingDataError('an IPv4 spec.podCIDR on the node');
    if (node.capacityPods === undefined) throw new MissingDataError('status.capacity.pods of the node');
    const usable = Number(usableAddresses(podCIDR));
    // Without captured pods only the node-side comparison can be made (podsOnNode is then unknown:
    // the rule's check that reads it declares `needs: [pods]`).
    const podsCaptured = index.snapshot.captured.includes('Pod');
    const pods = podNetworkPodsOnNode(index, node.name);
    const hostNetwork = hostNetworkPodsOnNode(index, node.name).length;
    const podNetworkCapacity = Math.max(node.capacityPods - hostNetwork, 0);
    return {
      podCIDR,
      prefix: Number(podCIDR.split('/')[1]),
      usable,
      assignable: Math.max(usable - 1, 0),
      capacityPods: node.capacityPods,
      hostNetworkPods: hostNetwork,
      // At most this many pods on the node can need a pod address: host-network pods take a pod slot but no address.
      podNetworkCapacity,
      hostNetworkNote: podsCaptured
        ? `, ${podNetworkCapacity} of them on the pod network once its ${hostNetwork} host-network pods are counted`
        : ' (host-network pods not counted: pods were not captured)',
      podsOnNode: pods.length,
      source: node.source,
    };
  },
});
