import type { Diagnostic } from '../diagnostics.js';
import type { ConfigMapObject, EndpointsObject, EventObject, NodeObject, PodObject, ServiceObject } from '../snapshot/objects.js';
import type { NodeOutputs, Snapshot, TextFile } from '../snapshot/schema.js';
import type { ParseResult } from '../parsers/define-parser.js';
import { ParsedOutputs } from './parsed-outputs.js';
import type { ClusterSubject } from './subjects.js';

/**
 * Everything facts look up, built in one pass over the snapshot so that no
 * fact scans a whole list per subject. Memoises parsed node outputs and fact
 * values, so work done for one rule is reused by the next.
 */
export interface SnapshotIndex {
  snapshot: Snapshot;
  /** The one Cluster subject of this snapshot (stable identity, so fact values cache on it). */
  clusterSubject: ClusterSubject;
  nodesByName: Map<string, NodeObject>;
  podsByKey: Map<string, PodObject>;
  podsByNode: Map<string, PodObject[]>;
  podsByNamespace: Map<string, PodObject[]>;
  servicesByKey: Map<string, ServiceObject>;
  endpointsByService: Map<string, EndpointsObject[]>;
  configMapsByKey: Map<string, ConfigMapObject>;
  eventsByInvolved: Map<string, EventObject[]>;
  /** Pods in a namespace carrying a label `key=value`; key is `${ns}\0${key}=${value}`. */
  podsByLabel: Map<string, PodObject[]>;
  /**
   * Parse a node output once; its diagnostics are collected into `diagnostics`.
   * Results of large outputs are kept only within a memory budget (see
   * parsed-outputs.ts): a fact that needs one for many subjects derives a
   * compact summary once instead of asking again per subject.
   */
  parsed<T>(file: TextFile, parse: (text: string, options: { file: string }) => ParseResult<T>): T;
  /** The same, with the parser's diagnostics (to tell "empty" from "unreadable"). */
  parseResult<T>(file: TextFile, parse: (text: string, options: { file: string }) => ParseResult<T>): ParseResult<T>;
  nodeOutputs(node: string): NodeOutputs | undefined;
  /** Cache for fact values, per subject object. */
  factCache: WeakMap<object, Map<string, unknown>>;
  diagnostics: Diagnostic[];
}

export const objectKey = (namespace: string | undefined, name: string) => `${namespace ?? ''}/${name}`;
export const labelKey = (namespace: string | undefined, key: string, value: string) => `${namespace ?? ''}\0${key}=${value}`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexSnapshot(snapshot: Snapshot): SnapshotIndex {
  const index: SnapshotIndex = {
    snapshot,
    clusterSubject: { kind: 'Cluster', name: snapshot.name ?? 'cluster' },
    nodesByName: new Map(snapshot.nodes.map((n) => [n.name, n])),
    podsByKey: new Map(snapshot.pods.map((p) => [objectKey(p.namespace, p.name), p])),
    podsByNode: new Map(),
    podsByNamespace: new Map(),
    servicesByKey: new Map(snapshot.services.map((s) => [objectKey(s.namespace, s.name), s])),
    endpointsByService: new Map(),
    configMapsByKey: new Map(snapshot.configMaps.map((c) => [objectKey(c.namespace, c.name), c])),
    eventsByInvolved: new Map(),
    podsByLabel: new Map(),
    factCache: new WeakMap(),
    diagnostics: [],
    nodeOutputs: (node) => snapshot.nodeOutputs[node],
    parseResult: (file, parse) => parsedOutputs.get(file, parse, index.diagnostics) as never,
    parsed: (file, parse) => index.parseResult(file, parse).value,
  };
  const parsedOutputs = new ParsedOutputs();
  for (const pod of snapshot.pods) {
    if (pod.nodeName) push(index.podsByNode, pod.nodeName, pod);
    push(index.podsByNamespace, pod.namespace ?? '', pod);
    for (const [key, value] of Object.entries(pod.labels)) push(index.podsByLabel, labelKey(pod.namespace, key, value), pod);
  }
  for (const ep of snapshot.endpoints) push(index.endpointsByService, objectKey(ep.namespace, ep.serviceName), ep);
  for (const event of snapshot.events) {
    push(index.eventsByInvolved, `${event.involvedKind ?? ''}/${objectKey(event.involvedNamespace, event.involvedName ?? '')}`, event);
  }
  return index;
}

/** Pods of `namespace` whose labels include every pair of `selector` (intersection, smallest list first). */
export function podsMatchingSelector(index: SnapshotIndex, namespace: string | undefined, selector: Record<string, string>): PodObject[] {
  const lists = Object.entries(selector).map(([k, v]) => index.podsByLabel.get(labelKey(namespace, k, v)) ?? []);
  if (lists.length === 0) return [];
  lists.sort((a, b) => a.length - b.length);
  const [smallest, ...rest] = lists;
  const sets = rest.map((l) => new Set(l));
  return (smallest ?? []).filter((pod) => sets.every((s) => s.has(pod)));
}

/**
 * Pods holding an address from the node's pod CIDR: scheduled there, not
 * host-network, not finished, and with a pod IP (a pod stuck creating its
 * sandbox has none yet).
 */
export function podNetworkPodsOnNode(index: SnapshotIndex, node: string): PodObject[] {
  return (index.podsByNode.get(node) ?? []).filter((p) => !p.hostNetwork && p.phase !== 'Succeeded' && p.phase !== 'Failed' && p.podIPs.length > 0);
}

/** Host-network pods on the node: they count against status.capacity.pods but take no pod address. */
export function hostNetworkPodsOnNode(index: SnapshotIndex, node: string): PodObject[] {
  return (index.podsByNode.get(node) ?? []).filter((p) => p.hostNetwork && p.phase !== 'Succeeded' && p.phase !== 'Failed');
}
