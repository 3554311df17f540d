import { MissingDataError } from '../../errors.js';
import { type OverlayFailure, type OverlayTestValue, parseOverlayTest } from '../../parsers/cluster/overlay-test.js';
import { parsedClusterOutputs, requiredClusterOutput } from '../cluster-outputs.js';
import { defineFact } from '../define.js';
import type { SnapshotIndex } from '../snapshot-index.js';
import { nodePortChecks } from './rancher-node-ports.js';

const SHOWN = 6;

const list = (items: string[]) => (items.length <= SHOWN ? items.join(', ') : `${items.slice(0, SHOWN).join(', ')} and ${items.length - SHOWN} more`);

/** What the node's own firewall says about the overlay port: the blocking rule's line, or why the cause is elsewhere. */
function firewallOf(index: SnapshotIndex, name: string): { blocked: boolean; why: string } {
  const node = index.snapshot.nodes.find((n) => n.name === name);
  if (!node) return { blocked: false, why: `${name} is not among the captured Node objects` };
  try {
    const { file, overlay, checks } = nodePortChecks(index, node);
    const udp = checks.find((c) => c.protocol === 'udp');
    if (!udp || overlay.port === undefined) return { blocked: false, why: `${name}: no overlay UDP port to check (${overlay.from})` };
    if (udp.verdict.kind === 'blocked') return { blocked: true, why: '' };
    if (udp.verdict.kind === 'undetermined') {
      return { blocked: false, why: `${name}: whether ${file} admits UDP ${udp.port} depends on line ${udp.verdict.line} (\`${udp.verdict.rule}\`)` };
    }
    return { blocked: false, why: `${name}: ${file} admits UDP ${udp.port}, so the block is outside the host firewall (a security group or a network device between the nodes; not from the document)` };
  } catch (error) {
    if (error instanceof MissingDataError) return { blocked: false, why: `${name}: capture nodes/${name}/iptables-save to see whether its host firewall blocks the overlay port` };
    throw error;
  }
}

/**
 * The nodes the test ran between: those it names and, when Nodes were captured, every Linux node (the
 * document's script prints failures only, so a node every pod reaches is named nowhere).
 */
function universe(index: SnapshotIndex, named: readonly string[]): string[] {
  const linux = index.snapshot.nodes.filter((n) => n.os !== 'windows').map((n) => n.name);
  return [...new Set([...named, ...linux])].sort();
}

/** The overlay test's nodes every other node (named in it, or a captured Linux Node) failed to reach. */
export function unreachableInOverlayTest(index: SnapshotIndex, value: OverlayTestValue): string[] {
  return unreachableFrom(universe(index, value.nodes), value.failures);
}

/** Nodes every other node failed to reach. */
function unreachableFrom(nodes: readonly string[], failures: readonly OverlayFailure[]): string[] {
  const failedFrom = new Map<string, Set<string>>();
  for (const { from, to } of failures) if (from !== to) failedFrom.set(to, (failedFrom.get(to) ?? new Set()).add(from));
  return nodes.filter((node) => nodes.length > 1 && nodes.every((other) => other === node || failedFrom.get(node)?.has(other)));
}

/**
 * Nodes cut off from the overlay: those whose own iptables-save blocks the overlay port, and those the
 * overlay test shows every other node failing to reach. Other symptoms on them (ingress timeouts to their
 * pods) belong to that one problem.
 */
export function overlayCutOffNodes(index: SnapshotIndex): Set<string> {
  const out = new Set<string>();
  for (const node of index.snapshot.nodes) {
    if (node.os !== 'windows' && index.nodeOutputs(node.name)?.commands['iptables-save'] && firewallOf(index, node.name).blocked) out.add(node.name);
  }
  for (const output of parsedClusterOutputs(index, 'overlayTest', parseOverlayTest)) {
    for (const node of unreachableInOverlayTest(index, output.value)) out.add(node);
  }
  return out;
}

/**
 * 检查 Overlay 网络是否正常运行: the overlay test's `<A> cannot reach <B>` lines reduced to the node(s)
 * every other node fails to reach. A node whose own iptables-save drops the overlay port is left to
 * rancherFirewallBlocks (the more specific finding, which quotes the rule); failures between other
 * nodes are listed as pairs.
 */
export const rancherOverlayTest = defineFact({
  id: 'rancherOverlayTest',
  subject: 'Cluster',
  description:
    'The Rancher overlay test output (cluster/overlay-test.txt): the nodes every other node fails to reach and whose own iptables-save does not ' +
    'explain it, with the failing lines; failures between other nodes as pairs; whether the run reached `=> End network overlay test`.',
  reads: ['cluster/overlay-test.txt', 'nodes/<node>/iptables-save of the isolated nodes'],
  compute: (_cluster, index) => {
    const empty = (v: { failures: unknown[]; successes: number; startLine?: number }) => v.failures.length === 0 && v.successes === 0 && v.startLine === undefined;
    const output = requiredClusterOutput(index, 'overlayTest', parseOverlayTest, empty);
    const { failures, complete } = output.value;
    const unreachableNodes = unreachableInOverlayTest(index, output.value);
    const file = output.file.file;
    const firewalls = new Map(unreachableNodes.map((n) => [n, firewallOf(index, n)]));
    const isolated = unreachableNodes.filter((n) => !firewalls.get(n)?.blocked);
    const detail = (node: string) => {
      const from = failures.filter((f) => f.to === node && f.from !== node);
      return `${list(from.map((f) => `${f.from} (line ${f.line})`))} cannot reach ${node}`;
    };
    const isolatedSet = new Set(unreachableNodes);
    const others = failures.filter((f) => !isolatedSet.has(f.from) && !isolatedSet.has(f.to));
    const pair = (f: OverlayFailure) => `${f.from} → ${f.to} (line ${f.line})`;
    const firstIsolated = failures.find((f) => isolated.includes(f.to));
    return {
      file,
      complete,
      failureCount: failures.length,
      isolatedCount: isolated.length,
      isolatedNodes: isolated.join(', '),
      isolatedDetail: isolated.map(detail).join('; '),
      isolatedWhy: isolated.map((n) => firewalls.get(n)?.why ?? '').join('; '),
      otherFailureCount: others.length,
      otherFailures: list(others.map(pair)),
      source: output.at(firstIsolated?.line ?? others[0]?.line ?? output.value.startLine),
    };
  },
});
