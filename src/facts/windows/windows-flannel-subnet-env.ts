import { cidrContains, isValidCidr, normalizeCidr } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import { parseSubnetEnv } from '../../parsers/configs/subnet-env.js';
import { defineFact } from '../define.js';
import { nodeEventsMatching, summariseEvents } from '../logs/node-events-matching.js';

/**
 * kubelet/CNI error when the file is absent. Linux: `open /run/flannel/subnet.env: no such file or directory`;
 * Windows (kubernetes-sigs/sig-windows-tools#76): `network: open /run/flannel/subnet.env: The system cannot find the path specified.`
 */
const missingFile = /open \S*subnet\.env: (?:no such file or directory|The system cannot find the (?:path|file) specified)/i;

/**
 * flanneld's lease file on a Windows node (我的 Windows Pod 無法啟動,因為遺漏 /run/flannel/subnet.env): missing (the CNI
 * error in the node's pod events says so), or `FLANNEL_SUBNET` outside `FLANNEL_NETWORK` or not the node's spec.podCIDR.
 */
export const windowsFlannelSubnetEnv = defineFact({
  id: 'windowsFlannelSubnetEnv',
  subject: 'Node',
  description:
    'C:\\run\\flannel\\subnet.env of the node: whether pod events say it is missing (count, pods), FLANNEL_NETWORK, FLANNEL_SUBNET (as the file holds it and as a network), whether the subnet is inside the network and equal to spec.podCIDR.',
  reads: ['nodes/<node>/subnet.env', 'Events message', 'Node spec.podCIDR'],
  compute: (node, index) => {
    const file = index.nodeOutputs(node.name)?.commands['subnet.env'];
    const missingEvents = index.snapshot.captured.includes('Event') ? (nodeEventsMatching(index, missingFile).get(node.name) ?? []) : [];
    if (!file) {
      if (missingEvents.length === 0) {
        throw new MissingDataError('nodes/<node>/subnet.env: C:\\run\\flannel\\subnet.env of each Windows node (or the pods\' events: kubectl get events -A -o json)');
      }
      const events = summariseEvents(missingEvents);
      return { missing: true, missingEvents: events.count, missingPods: events.objects, mismatch: false, source: events.source };
    }
    const env = index.parsed(file, parseSubnetEnv);
    if (!env.subnet || !isValidCidr(env.subnet) || !env.network || !isValidCidr(env.network)) {
      throw new MissingDataError('nodes/<node>/subnet.env: a readable C:\\run\\flannel\\subnet.env with FLANNEL_NETWORK and FLANNEL_SUBNET');
    }
    const subnet = normalizeCidr(env.subnet);
    const podCIDR = node.podCIDR && isValidCidr(node.podCIDR) ? normalizeCidr(node.podCIDR) : undefined;
    const inNetwork = cidrContains(env.network, subnet);
    const matchesNode = podCIDR === undefined ? null : podCIDR === subnet;
    return {
      missing: false,
      network: env.network,
      subnetLine: env.subnet,
      subnet,
      podCIDR: podCIDR ?? 'not assigned',
      inNetwork,
      matchesNode,
      mismatch: !inNetwork || matchesNode === false,
      source: { file: file.file, ...(env.lines['FLANNEL_SUBNET'] ? { line: env.lines['FLANNEL_SUBNET'] } : {}) },
    };
  },
});
