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
  /** Cache for fact values: fact id → subject object → value (engine/fact-values.ts; one map per fact, not per subject). */
  factCache: Map<string, Map<object, unknown>>;
  diagnostics: Diagnostic[];
  /** Every captured file some fact parsed (or looked at, `noteRead`) during this analysis. */
  readFiles: Set<TextFile>;
  /** Files whose parse reported an error, with the first error: data read from them may be incomplete. */
  unusableFiles: Map<TextFile, Diagnostic>;
  /** While set, files read are added to it (the engine traces which files one rule read for one subject). */
  trace: Set<TextFile> | undefined;
  /** Records that a fact read a file's text without a parser (a quick `includes` test). */
  noteRead(file: TextFile): void;
}

export const objectKey = (namespace: string | undefined, name: string) => `${namespace ?? ''}/${name}`;
export const labelKey = (namespace: string | undefined, key: string, value: string) => `${namespace ?? ''}\0${key}=${value}`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Builds the index. Each lookup map is built on first use, in one pass, and
 * then kept: an analysis pays only for the maps its rules read (`--only`, a
 * catalog without pod rules), and a 150,000-pod snapshot is walked once per map.
 */
export function indexSnapshot(snapshot: Snapshot): SnapshotIndex {
  const parsedOutputs = new ParsedOutputs();
  const index = {
    snapshot,
    clusterSubject: { kind: 'Cluster', name: snapshot.name ?? 'cluster' },
    factCache: new Map(),
    diagnostics: [],
    nodeOutputs: (node) => snapshot.nodeOutputs[node],
    readFiles: new Set(),
    unusableFiles: new Map(),
    trace: undefined,
    noteRead: (file) => {
      index.readFiles.add(file);
      index.trace?.add(file);
    },
    parseResult: (file, parse) => {
      index.noteRead(file);
      const result = parsedOutputs.get(file, parse, index.diagnostics);
      const error = result.diagnostics.find((d) => d.severity === 'error');
      if (error && !index.unusableFiles.has(file)) index.unusableFiles.set(file, error);
      return result as never;
    },
    parsed: (file, parse) => index.parseResult(file, parse).value,
  } as Pick<
    SnapshotIndex,
    'snapshot' | 'clusterSubject' | 'factCache' | 'diagnostics' | 'nodeOutputs' | 'parseResult' | 'parsed' | 'readFiles' | 'unusableFiles' | 'trace' | 'noteRead'
  > as SnapshotIndex;
  const lazy = <K extends keyof SnapshotIndex>(name: K, build: () => SnapshotIndex[K]) => {
    let value: SnapshotIndex[K] | undefined;
    Object.defineProperty(index, name, { enumerable: true, get: () => (value ??= build()) });
  };
  lazy('nodesByName', () => byKey(snapshot.nodes, (n) => n.name));
  lazy('podsByKey', () => byKey(snapshot.pods, (p) => objectKey(p.namespace, p.name)));
  lazy('podsByNode', () => group(snapshot.pods, (p) => p.nodeName));
  lazy('podsByNamespace', () => group(snapshot.pods, (p) => p.namespace ?? ''));
  lazy('servicesByKey', () => byKey(snapshot.services, (s) => objectKey(s.namespace, s.name)));
  lazy('endpointsByService', () => group(snapshot.endpoints, (ep) => objectKey(ep.namespace, ep.serviceName)));
  lazy('configMapsByKey', () => byKey(snapshot.configMaps, (c) => objectKey(c.namespace, c.name)));
  lazy('eventsByInvolved', () => group(snapshot.events, (e) => `${e.involvedKind ?? ''}/${objectKey(e.involvedNamespace, e.involvedName ?? '')}`));
  lazy('podsByLabel', () => {
    const map = new Map<string, PodObject[]>();
    for (const pod of snapshot.pods) for (const key in pod.labels) push(map, labelKey(pod.namespace, key, pod.labels[key]!), pod);
    return map;
  });
  return index;
}

/** Each item by its key, the last of a key winning (as `new Map(pairs)`), without an array of pairs. */
function byKey<T>(list: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of list) map.set(keyOf(item), item);
  return map;
}

function group<T>(list: readonly T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of list) {
    const key = keyOf(item);
    if (key !== undefined) push(map, key, item);
  }
  return map;
}

/** namespace → label key → label value → pods, in snapshot order. */
type LabelTree = Map<string, Map<string, Map<string, PodObject[]>>>;

const labelTrees = new WeakMap<SnapshotIndex, LabelTree>();
const noPods: readonly PodObject[] = [];

/**
 * The pods-by-label lookup the facts use, built on first use in one pass. Nested maps keyed by the
 * strings the pods already hold: `podsByLabel` (kept for plugins) makes a new `ns\0key=value`
 * string per label of every pod, ~600,000 strings kept for the analysis at 150,000 pods.
 */
function labelTree(index: SnapshotIndex): LabelTree {
  let tree = labelTrees.get(index);
  if (tree) return tree;
  tree = new Map();
  // Pods of one ReplicaSet or DaemonSet come one after another and, loaded by the Node entry, share one labels
  // object: such a pod goes into the previous pod's lists without looking its labels up again.
  let previous: PodObject | undefined;
  const lists: PodObject[][] = [];
  for (const pod of index.snapshot.pods) {
    if (previous !== undefined && pod.labels === previous.labels && pod.namespace === previous.namespace) {
      for (const list of lists) list.push(pod);
      continue;
    }
    previous = pod;
    lists.length = 0;
    const namespace = pod.namespace ?? '';
    let keys = tree.get(namespace);
    if (!keys) tree.set(namespace, (keys = new Map()));
    for (const key in pod.labels) {
      let values = keys.get(key);
      if (!values) keys.set(key, (values = new Map()));
      const value = pod.labels[key]!;
      let list = values.get(value);
      if (list) list.push(pod);
      else values.set(value, (list = [pod]));
      lists.push(list);
    }
  }
  labelTrees.set(index, tree);
  return tree;
}

/** Pods in `namespace` carrying the label `key=value`, in snapshot order (do not modify the list). */
export function podsWithLabel(index: SnapshotIndex, namespace: string | undefined, key: string, value: string): readonly PodObject[] {
  return labelTree(index).get(namespace ?? '')?.get(key)?.get(value) ?? noPods;
}

/** Pods of `namespace` whose labels include every pair of `selector` (intersection, smallest list first). */
export function podsMatchingSelector(index: SnapshotIndex, namespace: string | undefined, selector: Record<string, string>): PodObject[] {
  const pods = matchingPods(index, namespace, selector);
  // With one pair, matchingPods hands out the index's own list: the caller gets a copy it may change.
  let pairs = 0;
  for (const _ in selector) pairs++;
  return pairs === 1 || pods === noPods ? [...pods] : (pods as PodObject[]);
}

/**
 * podsMatchingSelector without a copy, for callers that only read the list (a Service's pods, asked for each of
 * 20,000 Services): with a one-pair selector it is the index's own list.
 */
export function matchingPods(index: SnapshotIndex, namespace: string | undefined, selector: Record<string, string>): readonly PodObject[] {
  let smallest: readonly PodObject[] | undefined;
  let pairs = 0;
  for (const key in selector) {
    pairs++;
    const list = podsWithLabel(index, namespace, key, selector[key]!);
    if (smallest === undefined || list.length < smallest.length) smallest = list;
  }
  if (smallest === undefined) return noPods;
  if (pairs === 1) return smallest;
  // The smallest list is already in the namespace; checking each of its pods' labels
  // costs its length, where intersecting sets would cost the largest list's.
  return smallest.filter((pod) => {
    for (const key in selector) if (pod.labels[key] !== selector[key]) return false;
    return true;
  });
}

const podsByNameIn = new WeakMap<SnapshotIndex, Map<string, Map<string, PodObject>>>();

/**
 * The pod `namespace/name` (the last of that name, as `podsByKey`), from a map of its namespace's pods built on
 * first use: the events that name a pod are few, where `podsByKey` makes a joined key for every pod.
 */
export function podNamed(index: SnapshotIndex, namespace: string | undefined, name: string): PodObject | undefined {
  let namespaces = podsByNameIn.get(index);
  if (!namespaces) podsByNameIn.set(index, (namespaces = new Map()));
  const ns = namespace ?? '';
  let byName = namespaces.get(ns);
  if (!byName) {
    byName = new Map();
    for (const pod of index.podsByNamespace.get(ns) ?? noPods) byName.set(pod.name, pod);
    namespaces.set(ns, byName);
  }
  return byName.get(name);
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
