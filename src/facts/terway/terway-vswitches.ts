import { cidrContains, isValidAddress, isValidCidr } from '../../cidr/index.js';
import type { VSwitch } from '../../parsers/cloud/aliyun-vswitches.js';
import type { NodeObject, PodObject } from '../../snapshot/objects.js';
import type { Source } from '../../snapshot/source.js';
import { cloudInventory } from '../cloud-inventory.js';
import type { SnapshotIndex } from '../snapshot-index.js';
import { requireTerwayEniConfig, type TerwayEniConfigMap, terwayConfigMap } from './terway-eni-config.js';
import { isVirtualNode } from '../cluster/virtual-node.js';

/**
 * Which vSwitches Terway allocates pod IPs from, per node, as Terway decides it
 * (daemon getPoolConfig): the node's zone entry of eni_conf `vswitches`, after the
 * ConfigMap named by the node's `terway-config` label is merged over eni-config
 * (RFC 7396 merge patch: its `vswitches[zone]` replaces eni-config's); with no
 * (or an empty) entry for the zone, the instance's own vSwitch. Not a fact.
 */

export const dynamicConfigLabel = 'terway-config';
export const vswitchesCapture = 'cloud/aliyun-vswitches.json (aliyun vpc DescribeVSwitches --VpcId <the cluster VPC>, every page)';
/** Terway leaves nodes and pods with this label alone (types.IgnoreByTerway). */
const ignoredLabel = 'k8s.aliyun.com/ignore-by-terway';

export type InventoryVSwitch = VSwitch & { source: Source };

export interface NodeTerwayVSwitches {
  zone?: string;
  ids: string[];
  /** `eni-config vswitches[cn-hangzhou-i]`, `eni-config-fixed vswitches[cn-beijing-h]`, `the node's own vSwitch …`. */
  from: string;
  source: Source;
}

export interface TerwayVSwitchUse {
  id: string;
  zone: string;
  /** ConfigMaps listing it: `eni-config`, `eni-config-fixed`. */
  configMaps: string[];
  source: Source;
}

export const nodeZone = (node: NodeObject): string | undefined =>
  node.labels['topology.kubernetes.io/zone'] ?? node.labels['failure-domain.beta.kubernetes.io/zone'];

export const internalIp = (node: NodeObject): string | undefined =>
  node.addresses.find((a) => a.type === 'InternalIP' && isValidAddress(a.address))?.address;

/** Nodes Terway runs on: not ECI virtual nodes, not labelled k8s.aliyun.com/ignore-by-terway=true. */
export const isTerwayNode = (node: NodeObject): boolean => !isVirtualNode(node) && node.labels[ignoredLabel] !== 'true';

/** Trunk-mode pods (PodNetworking) take their IP from a member ENI on the PodNetworking's vSwitches, not from eni-config's. */
export const isTrunkPod = (pod: PodObject): boolean =>
  pod.annotations['k8s.aliyun.com/pod-eni'] === 'true' || pod.annotations['k8s.aliyun.com/pod-networking'] !== undefined;

/** Pods on the node that hold or wait for a Terway pod IP: not host-network, not finished, not trunk pods. */
export function terwayIpPods(index: SnapshotIndex, node: string): PodObject[] {
  return (index.podsByNode.get(node) ?? []).filter(
    (p) => !p.hostNetwork && p.phase !== 'Succeeded' && p.phase !== 'Failed' && !isTrunkPod(p) && p.labels[ignoredLabel] !== 'true',
  );
}

const byIdCache = new WeakMap<SnapshotIndex, Map<string, InventoryVSwitch>>();

/** The cloud inventory's vSwitches by id. */
export function vswitchesById(index: SnapshotIndex): Map<string, InventoryVSwitch> {
  let map = byIdCache.get(index);
  if (!map) {
    map = new Map();
    for (const vswitch of cloudInventory(index).vswitches) if (!map.has(vswitch.vswitchId)) map.set(vswitch.vswitchId, vswitch);
    byIdCache.set(index, map);
  }
  return map;
}

/** The inventory vSwitch whose CIDR holds `address` (for a node's InternalIP: its own vSwitch). */
export function vswitchHolding(index: SnapshotIndex, address: string | undefined): InventoryVSwitch | undefined {
  if (address === undefined || !isValidAddress(address)) return undefined;
  return cloudInventory(index).vswitches.find((v) =>
    [v.cidr, v.ipv6Cidr].some((cidr) => cidr !== undefined && isValidCidr(cidr) && cidrContains(cidr, address)),
  );
}

/** The ConfigMap the node's terway-config label names, when the node has the label. */
export function nodeDynamicConfig(index: SnapshotIndex, node: NodeObject): { name: string; config?: TerwayEniConfigMap } | undefined {
  const name = node.labels[dynamicConfigLabel];
  if (name === undefined || name === '') return undefined;
  const config = terwayConfigMap(index, name);
  return config ? { name, config } : { name };
}

/** The vSwitches Terway uses on the node. Throws MissingDataError without eni-config. */
export function nodeTerwayVSwitches(index: SnapshotIndex, node: NodeObject): NodeTerwayVSwitches {
  const base = requireTerwayEniConfig(index);
  const dynamic = nodeDynamicConfig(index, node);
  const configs = [...(dynamic?.config ? [{ name: dynamic.name, config: dynamic.config }] : []), { name: 'eni-config', config: base }];
  const own = () => vswitchHolding(index, internalIp(node));
  const zone = nodeZone(node) ?? own()?.zoneId;
  if (zone === undefined) {
    // Unknown zone: any zone's vSwitch may be the node's.
    const ids = [...new Set(configs.flatMap(({ config }) => Object.values(config.config.vswitches).flat()))];
    const names = configs.map((c) => c.name).join(' + ');
    return { ids, from: `${names} vswitches (all zones: the node's zone label is missing)`, source: base.sourceOf('eni_conf', 'vswitches') };
  }
  const entry = configs.find(({ config }) => config.config.vswitches[zone] !== undefined);
  const ids = entry?.config.config.vswitches[zone] ?? [];
  if (entry && ids.length > 0) {
    return { zone, ids, from: `${entry.name} vswitches[${zone}]`, source: entry.config.sourceOf('eni_conf', 'vswitches') };
  }
  const fallback = own();
  const why = `no Terway vSwitch for ${zone}`;
  if (fallback) return { zone, ids: [fallback.vswitchId], from: `the node's own vSwitch (${why})`, source: fallback.source };
  return { zone, ids: [], from: `the node's own vSwitch (${why}; not found in the vSwitch inventory)`, source: node.source };
}

/** Every vSwitch Terway is configured with: eni-config's, and those of the ConfigMaps that nodes' terway-config labels name. */
export function terwayVSwitchesInUse(index: SnapshotIndex): TerwayVSwitchUse[] {
  const base = requireTerwayEniConfig(index);
  const names = [...new Set(index.snapshot.nodes.filter(isTerwayNode).flatMap((n) => nodeDynamicConfig(index, n)?.config ? [n.labels[dynamicConfigLabel]!] : []))];
  const configs = [{ name: 'eni-config', config: base }, ...names.sort().map((name) => ({ name, config: terwayConfigMap(index, name)! }))];
  const uses = new Map<string, TerwayVSwitchUse>();
  for (const { name, config } of configs) {
    for (const [zone, ids] of Object.entries(config.config.vswitches)) {
      for (const id of ids) {
        const use = uses.get(id) ?? { id, zone, configMaps: [], source: config.sourceOf('eni_conf', 'vswitches') };
        if (!use.configMaps.includes(name)) use.configMaps.push(name);
        uses.set(id, use);
      }
    }
  }
  return [...uses.values()];
}

/** `vsw-a (cn-hangzhou-i, 192.168.32.0/19)`: a vSwitch as findings name it. */
export function describeVSwitch(id: string, vswitch: InventoryVSwitch | undefined, zone?: string): string {
  const parts = [vswitch?.zoneId ?? zone, vswitch?.cidr].filter((p) => p !== undefined);
  return parts.length > 0 ? `${id} (${parts.join(', ')})` : id;
}
