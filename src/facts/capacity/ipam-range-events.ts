import { rangeSize } from '../../cidr/index.js';
import type { EventObject } from '../../snapshot/objects.js';
import { podNamed, type SnapshotIndex } from '../snapshot-index.js';

/** The CNI host-local error the ACK document quotes: `failed to allocate for range 0: no IP addresses available in range set: 172.30.34.129-172.30.34.190`. */
const rangeError = /no IP addresses available in range set: ([0-9a-fA-F.:]+)-([0-9a-fA-F.:]+)/;

export interface IpamRangeEvent {
  event: EventObject;
  first: string;
  last: string;
  size: number;
}

const cache = new WeakMap<SnapshotIndex, Map<string, IpamRangeEvent[]>>();

/** Events carrying the error, grouped by the node of the pod they concern (or the reporting host). */
export function ipamRangeEventsByNode(index: SnapshotIndex): Map<string, IpamRangeEvent[]> {
  const hit = cache.get(index);
  if (hit) return hit;
  const byNode = new Map<string, IpamRangeEvent[]>();
  for (const event of index.snapshot.events) {
    const match = rangeError.exec(event.message);
    if (!match?.[1] || !match[2]) continue;
    let size: number;
    try {
      size = Number(rangeSize(match[1], match[2]));
    } catch {
      continue;
    }
    const pod = event.involvedKind === 'Pod' ? podNamed(index, event.involvedNamespace, event.involvedName ?? '') : undefined;
    const node = pod?.nodeName ?? event.host;
    if (!node) continue;
    const list = byNode.get(node) ?? [];
    list.push({ event, first: match[1], last: match[2], size });
    byNode.set(node, list);
  }
  cache.set(index, byNode);
  return byNode;
}
