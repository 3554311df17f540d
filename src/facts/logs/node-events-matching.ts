import type { EventObject } from '../../snapshot/objects.js';
import { podNamed, type SnapshotIndex } from '../snapshot-index.js';

const cache = new WeakMap<SnapshotIndex, Map<string, Map<string, EventObject[]>>>();

/**
 * Events whose message matches `pattern`, grouped by node: the node of the Pod they concern, the Node
 * itself, or the reporting host. Built once per snapshot and pattern, so a rule asking it for every
 * node reads the events once.
 */
export function nodeEventsMatching(index: SnapshotIndex, pattern: RegExp): Map<string, EventObject[]> {
  const perIndex = cache.get(index) ?? new Map<string, Map<string, EventObject[]>>();
  cache.set(index, perIndex);
  const key = `${pattern.source}/${pattern.flags}`;
  const hit = perIndex.get(key);
  if (hit) return hit;
  const byNode = new Map<string, EventObject[]>();
  for (const event of index.snapshot.events) {
    if (!pattern.test(event.message)) continue;
    const pod = event.involvedKind === 'Pod' ? podNamed(index, event.involvedNamespace, event.involvedName ?? '') : undefined;
    const node = pod?.nodeName ?? (event.involvedKind === 'Node' ? event.involvedName : undefined) ?? event.host;
    if (!node) continue;
    const list = byNode.get(node) ?? [];
    list.push(event);
    byNode.set(node, list);
  }
  perIndex.set(key, byNode);
  return byNode;
}

/** Summary of matching events for a finding: count (sum of event counts), objects, the latest's time and source. */
export function summariseEvents(events: readonly EventObject[]) {
  const latest = events.reduce<EventObject | undefined>((a, b) => (!a || (b.lastTimestamp ?? '') > (a.lastTimestamp ?? '') ? b : a), undefined);
  return {
    count: events.reduce((n, e) => n + e.count, 0),
    objects: [...new Set(events.map((e) => `${e.involvedKind ?? 'object'} ${e.involvedNamespace ? `${e.involvedNamespace}/` : ''}${e.involvedName ?? e.name}`))],
    last: latest?.lastTimestamp ?? 'no timestamp',
    source: latest?.source,
  };
}
