import { cidrSize, isValidCidr } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import type { NodeObject } from '../../snapshot/objects.js';
import type { Source } from '../../snapshot/source.js';
import { cloudInventory } from '../cloud-inventory.js';
import { defineFact } from '../define.js';
import { cappedList } from '../capped-list.js';
import { terwayConfigMap } from './terway-eni-config.js';
import { describeVSwitch, dynamicConfigLabel, isTerwayNode, terwayIpPods, vswitchesById, vswitchesCapture } from './terway-vswitches.js';

/** Alibaba Cloud reserves the first and the last three IPv4 addresses of every vSwitch. */
const reservedPerVSwitch = 4;
/** ACK: "指定vSwitch的IP个数建议为预计Pod个数的2倍(或更多)". */
export const advisedIpsPerPod = 2;

/**
 * ACK "如何在ACK中对Terway网络下的Pod指定网段加白?": nodes labelled `terway-config: X` take
 * their vSwitch from ConfigMap kube-system/X (eni_conf merged over eni-config). Without X
 * (or without its eni_conf) Terway silently falls back to eni-config, so the pods get
 * addresses outside the whitelisted vSwitch; and the fixed vSwitch should hold twice the
 * pods expected on those nodes.
 */
export const terwayFixedVSwitch = defineFact({
  id: 'terwayFixedVSwitch',
  subject: 'Cluster',
  description:
    'Node terway-config labels whose ConfigMap kube-system/<label> is missing or has no eni_conf (one that sets no vswitches fixes none and is skipped); and, per label, the IPs of its fixed vSwitches (CIDR size less the 4 reserved) against twice the pods on the labelled nodes.',
  reads: ['Node labels terway-config', 'ConfigMaps kube-system/<label> eni_conf vswitches', 'Pods spec.nodeName, spec.hostNetwork, status.phase', 'cloud/aliyun-vswitches*.json'],
  compute: (_cluster, index) => {
    const groups = new Map<string, NodeObject[]>();
    for (const node of index.snapshot.nodes.filter(isTerwayNode)) {
      const name = node.labels[dynamicConfigLabel];
      if (name !== undefined && name !== '') groups.set(name, [...(groups.get(name) ?? []), node]);
    }
    const broken: string[] = [];
    const short: string[] = [];
    const checked: string[] = [];
    const unknown: string[] = [];
    let source: Source | undefined;
    const byId = vswitchesById(index);
    const inventoryCaptured = cloudInventory(index).files.vswitches.length > 0;
    let fixing = 0;
    for (const [name, nodes] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const labelled = `${nodes.length} node(s) labelled ${dynamicConfigLabel}=${name} (${cappedList(nodes.map((n) => n.name), 3)})`;
      const config = terwayConfigMap(index, name);
      const problem = !config
        ? `no ConfigMap kube-system/${name}`
        : !config.config.keys.includes('eni_conf')
          ? `ConfigMap kube-system/${name} has no eni_conf key`
          : undefined;
      // A dynamic config that sets no vswitches overrides something else (security groups, …): it fixes
      // no vSwitch, so it is no whitelist setup and nothing here concerns it.
      if (problem === undefined && Object.keys(config!.config.vswitches).length === 0) continue;
      fixing++;
      if (problem !== undefined) {
        broken.push(`${labelled}: ${problem}`);
        source ??= config?.source ?? nodes[0]!.source;
        continue;
      }
      const ids = [...new Set(Object.values(config!.config.vswitches).flat())];
      const cidrs = ids.map((id) => byId.get(id)?.cidr);
      if (!inventoryCaptured || cidrs.some((c) => c === undefined || !isValidCidr(c))) {
        unknown.push(...ids.filter((id) => byId.get(id)?.cidr === undefined));
        continue;
      }
      const ips = cidrs.reduce((n, cidr) => n + Math.max(Number(cidrSize(cidr!)) - reservedPerVSwitch, 0), 0);
      const pods = nodes.reduce((n, node) => n + terwayIpPods(index, node.name).length, 0);
      const line = `${name}: ${ids.map((id) => describeVSwitch(id, byId.get(id))).join(', ')} holds ${ips} IPs for ${pods} pods on ${labelled}`;
      if (ips < advisedIpsPerPod * pods) {
        short.push(`${line}; at least ${advisedIpsPerPod * pods} (${advisedIpsPerPod}× the pods) advised`);
        source ??= byId.get(ids[0]!)?.source;
      } else checked.push(line);
    }
    if (broken.length === 0 && short.length === 0 && (unknown.length > 0 || (!inventoryCaptured && fixing > 0))) {
      throw new MissingDataError(`${vswitchesCapture}${unknown.length > 0 ? ` listing ${[...new Set(unknown)].join(', ')}` : ''}`);
    }
    return {
      labels: groups.size,
      brokenCount: broken.length,
      broken: broken.join('; ') || 'none',
      shortCount: short.length,
      short: short.join('; ') || 'none',
      sufficient: checked.join('; ') || 'none',
      capacityNotChecked: unknown.length > 0 ? `${[...new Set(unknown)].join(', ')} (not in the vSwitch inventory)` : 'none',
      ...(source ? { source } : {}),
    };
  },
});
