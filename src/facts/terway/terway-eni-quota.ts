import { MissingDataError } from '../../errors.js';
import { parseIpLink } from '../../parsers/linux/ip-link.js';
import type { NodeObject } from '../../snapshot/objects.js';
import { cloudInventory } from '../cloud-inventory.js';
import { defineFact } from '../define.js';
import { cappedList } from '../capped-list.js';
import type { SnapshotIndex } from '../snapshot-index.js';
import { terwayIpNotEnough, terwayLogCapture } from './terway-ip-not-enough.js';
import { awaitsNetwork } from './terway-node-readiness.js';
import { describeVSwitch, nodeTerwayVSwitches, terwayIpPods, vswitchHolding, vswitchesById, vswitchesCapture } from './terway-vswitches.js';

/**
 * ENIs seen on the node: in ENI multi-IP mode Terway's secondary ENIs stay in the host namespace as eth1, eth2 …
 * beside eth0 (an exclusive ENI moves into its pod's namespace and is not seen here).
 */
function enisOnNode(index: SnapshotIndex, node: NodeObject): string {
  const file = index.nodeOutputs(node.name)?.commands['ip-link'];
  if (!file) return 'not captured (nodes/<node>/ip-link: ip link)';
  const names = index.parsed(file, parseIpLink).interfaces.map((i) => i.name).filter((name) => /^eth\d+$/.test(name));
  return `${names.length} in the host namespace (${names.join(', ') || 'no ethN interface'}; ip link)`;
}

/**
 * ACK "Terway网络模式扩容vSwitch后,依然无法分配Pod IP怎么办?": Terway picks a vSwitch only
 * when it creates an ENI; the node's ENIs stay on the exhausted vSwitch, and when the
 * instance's ENI quota is used up no ENI can be created on the vSwitch added for more IPs.
 * Seen as: pods waiting for an IP, the node's ENIs' vSwitch out of IPs (terway's
 * InvalidVSwitchId.IpNotEnough, or the vSwitch of its pod IPs at 0 available), while a
 * vSwitch configured for the node still has free IPs.
 */
export const terwayEniQuota = defineFact({
  id: 'terwayEniQuota',
  subject: 'Node',
  description:
    'On a node with pods waiting for an IP: the vSwitches its ENIs are stuck on (named by InvalidVSwitchId.IpNotEnough in its logs, or holding its pod IPs with 0 available), the vSwitches configured for it that still have free IPs, its ENIs (ip link), instance type and k8s.aliyun.com/max-available-ip.',
  reads: ['Pods phase, podIPs, spec.nodeName', 'ConfigMap kube-system/eni-config (and dynamic config) vswitches', 'nodes/<node>/logs/*.log', 'nodes/<node>/ip-link', 'cloud/aliyun-vswitches*.json', 'Node labels and annotations'],
  compute: (node, index) => {
    const pods = terwayIpPods(index, node.name);
    const waiting = pods.filter(awaitsNetwork);
    const configured = nodeTerwayVSwitches(index, node);
    if (cloudInventory(index).files.vswitches.length === 0) throw new MissingDataError(vswitchesCapture);
    const byId = vswitchesById(index);
    const log = terwayIpNotEnough(index, node.name);
    const podVSwitches = pods.flatMap((p) => p.podIPs.map((ip) => vswitchHolding(index, ip)).filter((v) => v !== undefined));
    const stuck = [...new Set([...log.vswitches, ...podVSwitches.filter((v) => v.availableIpCount === 0).map((v) => v.vswitchId)])];
    if (!log.logsCaptured && stuck.length === 0) throw new MissingDataError(terwayLogCapture);
    const reasons = (id: string) => [
      ...(log.vswitches.includes(id) ? [`InvalidVSwitchId.IpNotEnough ×${log.count} in its terway log`] : []),
      ...(byId.get(id)?.availableIpCount === 0 ? ['0 available'] : []),
    ];
    const free = configured.ids.filter((id) => !stuck.includes(id) && (byId.get(id)?.availableIpCount ?? 0) > 0);
    return {
      stuckCount: stuck.length,
      stuck: stuck.map((id) => `${describeVSwitch(id, byId.get(id))}: ${reasons(id).join(', ')}`).join('; ') || 'none',
      freeCount: free.length,
      free: free.map((id) => `${describeVSwitch(id, byId.get(id))} with ${byId.get(id)?.availableIpCount} available`).join('; ') || 'none',
      configuredFrom: configured.from,
      waitingCount: waiting.length,
      waitingPods: cappedList(waiting.map((p) => `${p.namespace}/${p.name}`), 5) || 'none',
      enis: enisOnNode(index, node),
      instanceType: node.labels['node.kubernetes.io/instance-type'] ?? node.labels['beta.kubernetes.io/instance-type'] ?? 'unknown',
      maxAvailableIp: node.annotations['k8s.aliyun.com/max-available-ip'] ?? 'not set',
      source: log.source ?? node.source,
    };
  },
});
