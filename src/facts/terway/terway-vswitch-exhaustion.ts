import { cidrSize, isValidCidr } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import type { PodObject } from '../../snapshot/objects.js';
import type { Source } from '../../snapshot/source.js';
import { cloudInventory } from '../cloud-inventory.js';
import { defineFact } from '../define.js';
import type { UsageBar, UsageFigure } from '../figure.js';
import { cappedList } from '../capped-list.js';
import { terwayIpNotEnough, terwayLogCapture } from './terway-ip-not-enough.js';
import { awaitsNetwork } from './terway-node-readiness.js';
import {
  type InventoryVSwitch,
  describeVSwitch,
  isTerwayNode,
  nodeTerwayVSwitches,
  terwayIpPods,
  terwayVSwitchesInUse,
  vswitchesById,
  vswitchesCapture,
} from './terway-vswitches.js';

/** ACK: "建议给Pod使用的vSwitch网段的网络位小于等于19,也就是网段至少包含8192个IP地址". */
export const advisedPrefix = 19;

interface Exhausted {
  id: string;
  zone?: string;
  reasons: string[];
  nodes: Set<string>;
  logLines: number;
}

const pods = (list: readonly PodObject[]) => cappedList(list.map((p) => `${p.namespace}/${p.name}`), 5);

function prefixAdvice(id: string, vswitch: InventoryVSwitch | undefined): string {
  if (vswitch?.cidr === undefined || !isValidCidr(vswitch.cidr)) return `${id}: CIDR unknown`;
  const prefix = Number(vswitch.cidr.split('/')[1]);
  const size = cidrSize(vswitch.cidr);
  const verdict = prefix > advisedPrefix ? `smaller than the advised /${advisedPrefix} (8192 addresses)` : `meets the advised /${advisedPrefix}`;
  return `${id} is /${prefix} (${size} addresses), ${verdict}`;
}

/**
 * ACK "容器服务Kubernetes的Terway网络场景中交换机的IP资源不足": a vSwitch Terway allocates from
 * has no free address (DescribeVSwitches AvailableIpAddressCount 0, or terway's
 * `InvalidVSwitchId.IpNotEnough`), so pods stay ContainerCreating; or the node's vSwitches
 * have fewer free addresses than pods waiting for one.
 */
export const terwayVSwitchExhaustion = defineFact({
  id: 'terwayVSwitchExhaustion',
  subject: 'Cluster',
  description:
    'Terway vSwitches without free IPs (AvailableIpAddressCount 0 or InvalidVSwitchId.IpNotEnough in terway logs) with the nodes using them, the pods waiting for an IP there, each one\'s prefix against the advised /19, other Terway vSwitches with free IPs in the same zone, and node groups whose vSwitches have fewer free IPs than waiting pods.',
  reads: ['ConfigMap kube-system/eni-config and dynamic configs vswitches', 'Node labels (zone, terway-config), InternalIP', 'Pods phase, spec.nodeName', 'cloud/aliyun-vswitches*.json', 'nodes/<node>/logs/*.log'],
  compute: (_cluster, index) => {
    const uses = terwayVSwitchesInUse(index);
    const byId = vswitchesById(index);
    const nodes = index.snapshot.nodes.filter(isTerwayNode);
    const logs = new Map(nodes.map((n) => [n.name, terwayIpNotEnough(index, n.name)]));
    if (cloudInventory(index).files.vswitches.length === 0 && ![...logs.values()].some((l) => l.logsCaptured)) {
      throw new MissingDataError(`${vswitchesCapture}, or ${terwayLogCapture}`);
    }
    const perNode = nodes.map((node) => ({ node, use: nodeTerwayVSwitches(index, node), waiting: terwayIpPods(index, node.name).filter(awaitsNetwork) }));
    const zoneOf = new Map<string, string>(uses.map((u) => [u.id, u.zone]));
    for (const { use } of perNode) for (const id of use.ids) if (use.zone && !zoneOf.has(id)) zoneOf.set(id, use.zone);
    const exhausted = new Map<string, Exhausted>();
    const mark = (id: string, reason: string) => {
      const entry = exhausted.get(id) ?? { id, zone: byId.get(id)?.zoneId ?? zoneOf.get(id), reasons: [], nodes: new Set<string>(), logLines: 0 };
      if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
      exhausted.set(id, entry);
      return entry;
    };
    for (const id of zoneOf.keys()) if (byId.get(id)?.availableIpCount === 0) mark(id, '0 available IPs (DescribeVSwitches)');
    let source: Source | undefined;
    for (const [node, log] of logs) {
      for (const id of log.vswitches) {
        const entry = mark(id, 'InvalidVSwitchId.IpNotEnough in terway logs');
        entry.nodes.add(node);
        entry.logLines += log.count;
        source ??= log.source;
      }
    }
    for (const { node, use } of perNode) for (const id of use.ids) exhausted.get(id)?.nodes.add(node.name);
    const list = [...exhausted.values()].sort((a, b) => a.id.localeCompare(b.id));
    const waiting = perNode.filter((p) => list.some((e) => e.nodes.has(p.node.name))).flatMap((p) => p.waiting);
    const free = (id: string) => byId.get(id)?.availableIpCount ?? 0;
    const alternatives = [...new Set(list.map((e) => e.zone))].map((zone) => {
      const others = [...zoneOf].filter(([id, z]) => z === zone && !exhausted.has(id) && free(id) > 0).map(([id]) => `${id} (${free(id)} available)`);
      return others.length > 0 ? `${zone ?? 'unknown zone'}: Terway also has ${others.join(', ')}` : `${zone ?? 'unknown zone'}: no other Terway vSwitch with free IPs`;
    });
    // Node groups sharing vSwitches: free addresses against the pods waiting there.
    const short: string[] = [];
    const shortBars: UsageBar[] = [];
    let shortSource: Source | undefined;
    const groups = new Map<string, typeof perNode>();
    for (const p of perNode) if (p.use.ids.length > 0) groups.set(p.use.ids.join(','), [...(groups.get(p.use.ids.join(',')) ?? []), p]);
    for (const [key, group] of groups) {
      const ids = key.split(',');
      if (ids.some((id) => byId.get(id)?.availableIpCount === undefined || exhausted.has(id))) continue;
      const available = ids.reduce((n, id) => n + free(id), 0);
      const pending = group.flatMap((p) => p.waiting);
      if (available < pending.length) {
        const on = group.filter((p) => p.waiting.length > 0).length;
        short.push(`${ids.join(', ')}: ${available} available IPs for ${pending.length} pods waiting on ${on} node(s) (${pods(pending)})`);
        shortBars.push({ label: ids.join(', '), used: pending.length, usedLabel: 'pods waiting for an IP', total: available, totalLabel: 'available IPs' });
        shortSource ??= byId.get(ids[0]!)?.source;
      }
    }
    const unlisted = [...zoneOf.keys()].filter((id) => !byId.has(id));
    if (list.length === 0 && short.length === 0 && unlisted.length > 0 && ![...logs.values()].some((l) => l.logsCaptured)) {
      throw new MissingDataError(`${vswitchesCapture} listing ${unlisted.join(', ')}, or ${terwayLogCapture}`);
    }
    const first = list[0];
    source ??= first ? byId.get(first.id)?.source : shortSource;
    return {
      exhaustedCount: list.length,
      exhausted: list.map((e) => `${describeVSwitch(e.id, byId.get(e.id), e.zone)}: ${e.reasons.join('; ')}, used by ${e.nodes.size} node(s)`).join('; ') || 'none',
      logLines: list.reduce((n, e) => n + e.logLines, 0),
      prefixes: list.map((e) => prefixAdvice(e.id, byId.get(e.id))).join('; ') || 'none',
      alternatives: alternatives.join('; ') || 'none',
      waitingCount: waiting.length,
      waitingPods: pods(waiting) || 'none',
      failing: waiting.length > 0 || list.some((e) => e.logLines > 0),
      shortCount: short.length,
      short: short.join('; ') || 'none',
      /** Used against usable addresses of each exhausted vSwitch whose CIDR is known, then short node groups, for the picture. */
      usage: [
        ...list.flatMap((e): UsageBar[] => {
          const v = byId.get(e.id);
          if (v?.cidr === undefined || !isValidCidr(v.cidr)) return [];
          const size = Number(cidrSize(v.cidr));
          const free = v.availableIpCount ?? 0;
          return [{ label: `${e.id} ${v.cidr}`, used: Math.max(size - free, 0), usedLabel: 'addresses not available', total: size, totalLabel: `addresses in ${v.cidr}` }];
        }),
        ...shortBars,
      ],
      ...(source ? { source } : {}),
    };
  },
  figure: (v): UsageFigure | undefined =>
    v.usage.length === 0 ? undefined : { type: 'usage', caption: 'Terway vSwitch addresses: taken against what the vSwitch holds (AvailableIpAddressCount)', bars: v.usage },
});
