import { parseLogLines } from '../../parsers/logs/log-lines.js';
import type { Source } from '../../snapshot/source.js';
import type { SnapshotIndex } from '../snapshot-index.js';

export const terwayLogCapture =
  'nodes/<node>/logs/terway.log (kubectl -n kube-system logs <terway-eniip pod on the node> -c terway --tail=100)';

export interface IpNotEnoughOnNode {
  /** Whether any log of the node was captured (else nothing can be said). */
  logsCaptured: boolean;
  /** Lines with `InvalidVSwitchId.IpNotEnough`. */
  count: number;
  /** vSwitches those lines name (`The specified VSwitch "vsw-AAA" has not enough IpAddress`). */
  vswitches: string[];
  source?: Source;
}

/**
 * Terway's `Assign private ip address failed: … Code: InvalidVSwitchId.IpNotEnough` lines in the
 * node's logs (any logs/<component>.log: the file may be named for the pod). Parsed once per file.
 */
export function terwayIpNotEnough(index: SnapshotIndex, node: string): IpNotEnoughOnNode {
  const logs = Object.values(index.nodeOutputs(node)?.logs ?? {}).sort((a, b) => a.file.localeCompare(b.file));
  const out: IpNotEnoughOnNode = { logsCaptured: logs.length > 0, count: 0, vswitches: [] };
  for (const file of logs) {
    for (const message of index.parsed(file, parseLogLines).messages) {
      if (message.id !== 'terwayVSwitchIpNotEnough') continue;
      out.count += message.count;
      out.source ??= { file: file.file, line: message.firstLine };
      for (const id of message.fields.vSwitch ?? []) if (!out.vswitches.includes(id)) out.vswitches.push(id);
    }
  }
  return out;
}
