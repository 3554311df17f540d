import { MissingDataError } from '../../errors.js';
import { parseLogLines } from '../../parsers/logs/log-lines.js';
import { compareVersions, imageTag, isValidVersion } from '../../versions/compare-versions.js';
import { defineFact } from '../define.js';
import type { SnapshotIndex } from '../snapshot-index.js';
import { overlayCutOffNodes } from './rancher-overlay-test.js';

const SHOWN = 4;
const list = (items: string[]) => (items.length <= SHOWN ? items.join(', ') : `${items.slice(0, SHOWN).join(', ')} and ${items.length - SHOWN} more`);

/** The Rancher version from the rancher/rancher or rancher/rancher-agent image of a pod in cattle-system. */
function rancherVersion(index: SnapshotIndex): { version: string; from: string } | undefined {
  for (const pod of index.snapshot.pods) {
    if (pod.namespace !== 'cattle-system') continue;
    for (const c of pod.containers) {
      if (!c.image || !/(?:^|\/)rancher\/rancher(?:-agent)?:/.test(c.image)) continue;
      const tag = imageTag(c.image);
      if (tag && isValidVersion(tag)) return { version: tag, from: `image ${c.image} of pod cattle-system/${pod.name}` };
    }
  }
  return undefined;
}

/** Namespace/name of the pod whose IP an upstream `http://10.42.1.5:80` names. */
function upstreamPods(index: SnapshotIndex, upstreams: string[]): { label: string; node?: string }[] {
  const byIp = new Map(index.snapshot.pods.flatMap((p) => p.podIPs.map((ip) => [ip, p] as const)));
  return upstreams.map((upstream) => {
    const host = /^\w+:\/\/\[?([^\]/]+?)\]?(?::\d+)?$/.exec(upstream)?.[1];
    const pod = host ? byIp.get(host) : undefined;
    if (!pod) return { label: upstream };
    return { label: `${upstream} (pod ${pod.namespace}/${pod.name}${pod.nodeName ? ` on ${pod.nodeName}` : ''})`, ...(pod.nodeName ? { node: pod.nodeName } : {}) };
  });
}

/**
 * System 命名空间的 Pod 网络连接断开 (GitHub #15146): ingress-nginx's `upstream timed out (110: Connection
 * timed out) while connecting to upstream` and 504s, with the Rancher version the note about upgrades needs.
 */
export const rancherSystemNsIsolation = defineFact({
  id: 'rancherSystemNsIsolation',
  subject: 'Cluster',
  description:
    'ingress-nginx "upstream timed out (110: Connection timed out) while connecting to upstream" lines and 504 responses in the nodes\' logs, the upstream pods ' +
    "they name (and whether all of them run on nodes cut off from the overlay, a different problem), and the Rancher version (rancher/rancher or rancher/rancher-agent image in cattle-system); the issue applies only after an upgrade from v2.0.6 or earlier.",
  reads: ['nodes/<node>/logs/ingress-nginx.log', 'Pod podIPs and cattle-system images'],
  compute: (_cluster, index) => {
    const logs = index.snapshot.nodes.flatMap((node) => Object.entries(index.nodeOutputs(node.name)?.logs ?? {}).map(([component, file]) => ({ node: node.name, component, file })));
    const nginx = logs.filter((l) => /nginx|ingress/.test(l.component));
    if (nginx.length === 0) throw new MissingDataError('nodes/<node>/logs/ingress-nginx.log: kubectl -n ingress-nginx logs <nginx-ingress-controller pod>, under the node it runs on');
    let timedOut = 0;
    let gateway = 0;
    const nodes = new Set<string>();
    const upstreams = new Set<string>();
    let first: { file: string; line: number } | undefined;
    for (const { node, file } of nginx) {
      for (const message of index.parsed(file, parseLogLines).messages) {
        if (message.id === 'nginxGatewayTimeout') gateway += message.count;
        if (message.id !== 'nginxUpstreamTimedOut') continue;
        timedOut += message.count;
        nodes.add(node);
        for (const u of message.fields.upstream ?? []) upstreams.add(u);
        first ??= { file: file.file, line: message.firstLine };
      }
    }
    const pods = upstreamPods(index, [...upstreams].sort());
    // Upstreams that are all pods on nodes cut off from the overlay: rancher-required-ports / rancher-overlay-test report that.
    const cutOff = pods.length > 0 && timedOut > 0 ? overlayCutOffNodes(index) : new Set<string>();
    const explainedByOverlay = pods.length > 0 && pods.every((p) => p.node !== undefined && cutOff.has(p.node));
    const rancher = rancherVersion(index);
    const beforeFix = rancher !== undefined && compareVersions(rancher.version, 'v2.0.7') < 0;
    const versionNote = rancher
      ? beforeFix
        ? `Rancher is ${rancher.version} (${rancher.from}), before v2.0.7: the issue does not apply yet.`
        : `Rancher is ${rancher.version} (${rancher.from}); whether it was upgraded from v2.0.6 or earlier cannot be seen in the snapshot.`
      : 'The Rancher version is not in the snapshot (no rancher/rancher or rancher/rancher-agent image in cattle-system), nor is its upgrade history.';
    return {
      timedOutCount: timedOut,
      timedOutTimes: `${timedOut} time${timedOut === 1 ? '' : 's'}`,
      nodes: [...nodes].sort().join(', '),
      at: first ? `${first.file} line ${first.line}` : '',
      upstreams: pods.length > 0 ? list(pods.map((p) => p.label)) : 'not named in the log lines',
      explainedByOverlay,
      gatewayNote: gateway > 0 ? `; ${gateway} ${gateway === 1 ? 'response was' : 'responses were'} 504 Gateway Time-out` : '',
      rancherVersion: rancher?.version ?? null,
      beforeFix,
      versionNote,
      source: first ?? { file: nginx[0]?.file.file ?? '' },
    };
  },
});
