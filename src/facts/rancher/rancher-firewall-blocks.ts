import { parseOverlayTest } from '../../parsers/cluster/overlay-test.js';
import { parsedClusterOutputs } from '../cluster-outputs.js';
import { defineFact } from '../define.js';
import type { SnapshotIndex } from '../snapshot-index.js';
import { nodePortChecks, type PortCheck } from './rancher-node-ports.js';
import { unreachableInOverlayTest } from './rancher-overlay-test.js';

/** Blocked ports grouped by the rule that blocks them: `TCP 2379 (etcd client) and 2380 (etcd peer) are rejected by <file> line 22: `…``. */
function describe(blocked: PortCheck[], file: string): string {
  const byLine = new Map<number, PortCheck[]>();
  for (const c of blocked) if (c.verdict.kind === 'blocked') byLine.set(c.verdict.line, [...(byLine.get(c.verdict.line) ?? []), c]);
  return [...byLine.values()]
    .map((group) => {
      const verdict = group[0]?.verdict;
      if (verdict?.kind !== 'blocked') return '';
      const ports = group.map((c) => `${c.port} (${c.purpose})`);
      const joined = ports.length === 1 ? ports[0] : `${ports.slice(0, -1).join(', ')} and ${ports.at(-1)}`;
      const what = `${group[0]?.protocol.toUpperCase()} ${joined} ${group.length === 1 ? 'is' : 'are'}`;
      if (verdict.byPolicy) return `${what} accepted by no rule of INPUT, whose policy drops ${group.length === 1 ? 'it' : 'them'} (${file} line ${verdict.line}: \`${verdict.rule}\`)`;
      return `${what} ${verdict.target === 'REJECT' ? 'rejected' : 'dropped'} by ${file} line ${verdict.line}: \`${verdict.rule}\``;
    })
    .join('; ');
}

/** `8472/udp and 10250/tcp (<file> line 22: `-A INPUT -s 10.20.0.0/24 -j ACCEPT`)`, by deciding rule. */
function undeterminedText(checks: PortCheck[], file: string): string {
  const byLine = new Map<number, { ports: string[]; rule: string }>();
  for (const c of checks) {
    if (c.verdict.kind !== 'undetermined') continue;
    const entry = byLine.get(c.verdict.line) ?? { ports: [], rule: c.verdict.rule };
    entry.ports.push(`${c.port}/${c.protocol}`);
    byLine.set(c.verdict.line, entry);
  }
  return [...byLine].map(([line, { ports, rule }]) => `${ports.join(' and ')} (${file} line ${line}: \`${rule}\`)`).join('; ');
}

/** `; the overlay test confirms it: …` when cluster/overlay-test.txt shows every other node failing to reach this one. */
function overlayTestConfirms(index: SnapshotIndex, node: string): string {
  const output = parsedClusterOutputs(index, 'overlayTest', parseOverlayTest)[0];
  if (!output || !unreachableInOverlayTest(index, output.value).includes(node)) return '';
  const lines = output.value.failures.filter((f) => f.to === node && f.from !== node).map((f) => f.line);
  return `; the overlay test confirms it: every other node fails to reach ${node} (${output.file.file} lines ${lines.join(', ')})`;
}

/**
 * 仔细检查是否在主机防火墙中打开了所有必需的端口: the node's host firewall (filter INPUT of
 * iptables-save) against the overlay's UDP port and the TCP ports other nodes need for its roles.
 */
export const rancherFirewallBlocks = defineFact({
  id: 'rancherFirewallBlocks',
  subject: 'Node',
  description:
    "The ports other nodes must reach on the node (the overlay's UDP port; TCP 2379/2380 on etcd, 6443 on controlplane, 10250 on every role) " +
    'that its iptables-save filter INPUT chain drops or rejects, with the rule and its line; ports whose fate depends on what the dump cannot tell are listed as undetermined.',
  reads: ['nodes/<node>/iptables-save', 'Node labels node-role.kubernetes.io/*', 'ConfigMap kube-system/canal-config or kube-flannel-cfg net-conf.json Backend'],
  compute: (node, index) => {
    const { file, roles, overlay, checks } = nodePortChecks(index, node);
    const blocked = checks.filter((c) => c.verdict.kind === 'blocked');
    const overlayBlocked = blocked.filter((c) => c.protocol === 'udp');
    const tcpBlocked = blocked.filter((c) => c.protocol === 'tcp');
    const first = blocked[0]?.verdict;
    return {
      roles: roles.length > 0 ? roles.join(', ') : 'none labelled (only the ports every role needs were checked)',
      overlayPort: overlay.port ?? null,
      overlayPortFrom: overlay.from,
      checked: checks.map((c) => `${c.port}/${c.protocol}`).join(', '),
      overlayBlockedCount: overlayBlocked.length,
      overlayBlocked: describe(overlayBlocked, file),
      tcpBlockedCount: tcpBlocked.length,
      tcpBlocked: describe(tcpBlocked, file),
      tcpBlockedPorts: tcpBlocked.map((c) => c.port).join(', '),
      overlayTestConfirms: overlayBlocked.length > 0 ? overlayTestConfirms(index, node.name) : '',
      undeterminedCount: checks.filter((c) => c.verdict.kind === 'undetermined').length,
      undetermined: undeterminedText(checks, file),
      source: first && first.kind === 'blocked' ? { file, line: first.line } : { file },
    };
  },
});
