import { MissingDataError } from '../../errors.js';
import type { NodeObject, ServiceObject } from '../../snapshot/objects.js';
import type { Source } from '../../snapshot/source.js';
import { computeNodeForwarding } from './kube-proxy-node-rules.js';
import type { SnapshotIndex } from '../snapshot-index.js';

/**
 * The kube-proxy check of every node with rule outputs, run once per
 * snapshot, kept two ways: a summary per node and, turned around, per
 * Service which nodes lack which of its ports. Only counts and a few
 * examples are kept, so 5,000 nodes that each miss 20,000 Services cost
 * counters, not 100 million entries.
 * Helpers for the kube-proxy facts and selectors; no fact lives here.
 */
export interface NodeSummary {
  mode: 'iptables' | 'ipvs';
  modeFrom: string;
  checked: number;
  missingClusterIP: number;
  missingNodePort: number;
  /** The first missing entries, in Service order. */
  missingExamples: string[];
  mismatches: number;
  mismatchExamples: string[];
  source: Source;
}

/** Nodes lacking one kind of entry of a Service: distinct nodes, and per entry text up to 3 node names. */
export interface Gap {
  nodes: number;
  byText: Map<string, { nodes: string[]; count: number }>;
  lastNode?: string;
  file?: string;
}

export interface ServiceGaps {
  clusterIP: Gap;
  nodePort: Gap;
  mismatch: Gap;
  /** `port/PROTOCOL` of the ClusterIP entries missing on some node. */
  missingPorts: Set<string>;
}

export interface ForwardingByService {
  perNode: Map<string, NodeSummary | MissingDataError>;
  byService: Map<ServiceObject, ServiceGaps>;
  nodesChecked: number;
  /** Nodes with rule outputs that could not be checked, by what to capture. */
  notChecked: Map<string, string[]>;
}

const RULE_COMMANDS = ['iptables-save', 'ip6tables-save', 'ipvsadm'];
const EXAMPLES = 10;

/** Nodes (with a Node object) that have an iptables-save, ip6tables-save or ipvsadm output. */
export function nodesWithProxyRuleOutputs(index: SnapshotIndex): NodeObject[] {
  return Object.entries(index.snapshot.nodeOutputs)
    .filter(([, outputs]) => RULE_COMMANDS.some((c) => outputs.commands[c] !== undefined))
    .flatMap(([name]) => index.nodesByName.get(name) ?? [])
    .sort((a, b) => a.name.localeCompare(b.name));
}

const emptyGap = (): Gap => ({ nodes: 0, byText: new Map() });

function record(gap: Gap, text: string, node: string, file: string, maxTexts = Number.POSITIVE_INFINITY): void {
  if (gap.lastNode !== node) {
    gap.nodes++;
    gap.lastNode = node;
  }
  gap.file ??= file;
  const entry = gap.byText.get(text);
  if (entry) {
    entry.count++;
    if (entry.nodes.length < 3) entry.nodes.push(node);
  } else if (gap.byText.size < maxTexts) gap.byText.set(text, { nodes: [node], count: 1 });
}

const cache = new WeakMap<SnapshotIndex, ForwardingByService>();

export function forwardingByService(index: SnapshotIndex): ForwardingByService {
  const hit = cache.get(index);
  if (hit) return hit;
  const out: ForwardingByService = { perNode: new Map(), byService: new Map(), nodesChecked: 0, notChecked: new Map() };
  const gaps = (service: ServiceObject) => {
    let g = out.byService.get(service);
    if (!g) out.byService.set(service, (g = { clusterIP: emptyGap(), nodePort: emptyGap(), mismatch: emptyGap(), missingPorts: new Set() }));
    return g;
  };
  for (const node of nodesWithProxyRuleOutputs(index)) {
    let f;
    try {
      f = computeNodeForwarding(index, node);
    } catch (error) {
      if (!(error instanceof MissingDataError)) throw error;
      out.perNode.set(node.name, error);
      out.notChecked.set(error.capture, [...(out.notChecked.get(error.capture) ?? []), node.name]);
      continue;
    }
    out.nodesChecked++;
    const file = f.source.file;
    for (const m of f.missing) {
      const g = gaps(m.port.service);
      record(m.kind === 'clusterIP' ? g.clusterIP : g.nodePort, m.text, node.name, file);
      if (m.kind === 'clusterIP') g.missingPorts.add(`${m.port.port}/${m.port.protocol}`);
    }
    // Mismatch texts carry the node's own real servers, so they are capped per Service.
    for (const m of f.mismatches) record(gaps(m.port.service).mismatch, `${m.text} on ${node.name}`, node.name, file, 3);
    out.perNode.set(node.name, {
      mode: f.mode,
      modeFrom: f.modeFrom,
      checked: f.checked,
      missingClusterIP: f.missing.filter((m) => m.kind === 'clusterIP').length,
      missingNodePort: f.missing.filter((m) => m.kind === 'nodePort').length,
      missingExamples: f.missing.slice(0, EXAMPLES).map((m) => m.text),
      mismatches: f.mismatches.length,
      mismatchExamples: f.mismatches.slice(0, 5).map((m) => m.text),
      source: f.source,
    });
  }
  cache.set(index, out);
  return out;
}

/** One node's summary; MissingDataError when its outputs do not suffice for its proxy mode. */
export function nodeForwardingSummary(index: SnapshotIndex, node: NodeObject): NodeSummary {
  const found = forwardingByService(index).perNode.get(node.name);
  if (!found) throw new MissingDataError('nodes/<node>/iptables-save (iptables-save) or nodes/<node>/ipvsadm (ipvsadm -Ln), readable');
  if (found instanceof MissingDataError) throw found;
  return found;
}

/** The gaps of one Service across nodes; MissingDataError when no node could be checked at all. */
export function serviceGaps(index: SnapshotIndex, service: ServiceObject): ServiceGaps & { nodesChecked: number; nodesNotChecked: number } {
  const all = forwardingByService(index);
  const nodesNotChecked = [...all.notChecked.values()].reduce((n, l) => n + l.length, 0);
  if (all.nodesChecked === 0) {
    throw new MissingDataError([...all.notChecked.keys()][0] ?? 'nodes/<node>/iptables-save (iptables-save) or nodes/<node>/ipvsadm (ipvsadm -Ln) of at least one node');
  }
  const found = all.byService.get(service) ?? { clusterIP: emptyGap(), nodePort: emptyGap(), mismatch: emptyGap(), missingPorts: new Set<string>() };
  return { ...found, nodesChecked: all.nodesChecked, nodesNotChecked };
}
