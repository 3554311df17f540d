import { parseIbmcloudKsWorkerGet } from '../../parsers/cluster/ibmcloud-ks-worker-get.js';
import type { Source } from '../../snapshot/source.js';
import { parsedClusterOutputs } from '../cluster-outputs.js';
import { defineFact } from '../define.js';
import type { SnapshotIndex } from '../snapshot-index.js';

const cache = new WeakMap<SnapshotIndex, { compared: number; mismatches: string[]; source?: Source }>();

/**
 * "确保分别由 `kubectl get nodes` 和 `ibmcloud ks worker-get` 命令返回的工作程序节点的公用和专用 VLAN 标识相匹配":
 * the node labels `privateVLAN` / `publicVLAN` against `Private VLAN` / `Public VLAN` of each captured worker-get,
 * matched by worker id (label ibm-cloud.kubernetes.io/worker-id) or private IP. Cluster-wide, computed once.
 */
function compare(index: SnapshotIndex) {
  const cached = cache.get(index);
  if (cached) return cached;
  const result: { compared: number; mismatches: string[]; source?: Source } = { compared: 0, mismatches: [] };
  for (const out of parsedClusterOutputs(index, 'ibmcloudKsWorkerGet', parseIbmcloudKsWorkerGet)) {
    const w = out.value;
    const node = index.snapshot.nodes.find(
      (n) => (w.id !== undefined && n.labels['ibm-cloud.kubernetes.io/worker-id'] === w.id) || (w.privateIp !== undefined && (n.name === w.privateIp || n.addresses.some((a) => a.address === w.privateIp))),
    );
    if (!node) continue;
    result.compared++;
    for (const [label, value, line] of [
      ['privateVLAN', w.privateVlan, w.lines.privateVlan],
      ['publicVLAN', w.publicVlan, w.lines.publicVlan],
    ] as const) {
      const onNode = node.labels[label];
      if (value === undefined || onNode === value) continue;
      result.mismatches.push(`${node.name}: label ${label}=${onNode ?? '(none)'} but worker-get ${w.id ?? ''} says ${value}`);
      result.source ??= out.at(line);
    }
  }
  cache.set(index, result);
  return result;
}

export const iksWorkerVlans = defineFact({
  id: 'iksWorkerVlans',
  subject: 'Service',
  description:
    'Cluster-wide (the same for every Service): how many workers were compared between their privateVLAN/publicVLAN node labels and `ibmcloud ks worker-get`, and the disagreements.',
  reads: ['Nodes labels privateVLAN, publicVLAN, ibm-cloud.kubernetes.io/worker-id', 'cluster/ibmcloud-ks-worker-get*.txt'],
  compute: (service, index) => {
    const c = compare(index);
    return {
      compared: c.compared,
      mismatchCount: c.mismatches.length,
      mismatches: c.mismatches.join('; ') || (c.compared === 0 ? 'not compared (no ibmcloud ks worker-get output matching a node)' : 'none'),
      source: c.source ?? service.source,
    };
  },
});
