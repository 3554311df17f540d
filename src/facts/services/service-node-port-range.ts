import { parseProcesses } from '../../parsers/linux/processes.js';
import type { Source } from '../../snapshot/source.js';
import { defineFact } from '../define.js';
import type { SnapshotIndex } from '../snapshot-index.js';

/** The NodePort range TKE tells users to admit in node security groups: "30000 - 32768端口区间". */
const SECURITY_GROUP_RANGE = { min: 30000, max: 32768 };
/** kube-apiserver's default --service-node-port-range. */
const DEFAULT_RANGE = { min: 30000, max: 32767 };

interface ApiserverRange {
  min: number;
  max: number;
  source: Source;
}

const cache = new WeakMap<SnapshotIndex, ApiserverRange | null>();

/** `--service-node-port-range=20000-40000` of a kube-apiserver in any node's process list. */
function apiserverRange(index: SnapshotIndex): ApiserverRange | undefined {
  if (cache.has(index)) return cache.get(index) ?? undefined;
  let found: ApiserverRange | null = null;
  for (const [node, outputs] of Object.entries(index.snapshot.nodeOutputs).sort(([a], [b]) => a.localeCompare(b))) {
    const file = outputs.commands.processes;
    if (file) index.noteRead(file);
    if (!file || !file.text.includes('kube-apiserver')) continue;
    const apiserver = index.parsed(file, parseProcesses).processes.find((p) => p.command === 'kube-apiserver');
    const flag = apiserver?.flags['service-node-port-range'];
    const m = typeof flag === 'string' ? /^(\d+)-(\d+)$/.exec(flag) : null;
    if (apiserver && m) {
      found = { min: Number(m[1]), max: Number(m[2]), source: { file: file.file, line: apiserver.line, object: `kube-apiserver on node ${node}` } };
      break;
    }
  }
  cache.set(index, found);
  return found ?? undefined;
}

/**
 * nodePorts against the range kube-apiserver admits and the range TKE's node
 * security groups are told to open (a cluster whose apiserver allocates
 * outside 30000–32768 needs its security group widened too).
 */
export const serviceNodePortRange = defineFact({
  id: 'serviceNodePortRange',
  subject: 'Service',
  description:
    'The Service\'s nodePorts outside kube-apiserver\'s --service-node-port-range (when a node\'s process list shows it; default 30000-32767) ' +
    'and outside 30000-32768, the range TKE says node security groups must admit.',
  reads: ['Service spec.ports[].nodePort', 'nodes/<node>/processes (kube-apiserver --service-node-port-range)'],
  compute: (service, index) => {
    const known = apiserverRange(index);
    const range = known ?? DEFAULT_RANGE;
    const nodePorts = service.ports.filter((p) => p.nodePort !== undefined && p.nodePort > 0);
    const label = (p: (typeof nodePorts)[number]) => `${p.nodePort}/${p.protocol.toUpperCase()}${p.name ? ` (${p.name})` : ''}`;
    const outside = (r: { min: number; max: number }) => nodePorts.filter((p) => p.nodePort! < r.min || p.nodePort! > r.max).map(label);
    const outsideRange = outside(range);
    const outsideSecurityGroup = outside(SECURITY_GROUP_RANGE);
    return {
      type: service.type,
      range: `${range.min}-${range.max}`,
      rangeKnown: known !== undefined,
      rangeFrom: known
        ? `--service-node-port-range of ${known.source.object} (${known.source.file} line ${known.source.line})`
        : 'the kube-apiserver default (no kube-apiserver command line in the snapshot)',
      nodePorts: nodePorts.map(label).join(', '),
      outsideRangeCount: outsideRange.length,
      outsideRange: outsideRange.join(', '),
      securityGroupRange: `${SECURITY_GROUP_RANGE.min}-${SECURITY_GROUP_RANGE.max}`,
      outsideSecurityGroupCount: outsideSecurityGroup.length,
      outsideSecurityGroup: outsideSecurityGroup.join(', '),
      source: service.source,
    };
  },
});
