import type { EventObject, NodeObject } from '../../snapshot/objects.js';
import { defineFact } from '../define.js';
import { latestEvent } from '../logs/latest-event.js';
import type { SnapshotIndex } from '../snapshot-index.js';

export const networkUnavailableTaint = 'node.kubernetes.io/network-unavailable';

export function networkUnavailable(node: NodeObject): boolean {
  return node.conditions.some((c) => c.type === 'NetworkUnavailable' && c.status === 'True') || node.taints.some((t) => t.key === networkUnavailableTaint);
}

// cloud-controller-manager's route controller records its failures on the Node:
//   DescriberRouteTablesFailed  Describe RouteTables Failed reason: multiple route tables found by vpc id[vpc-xxx], length(tables)=2
//   CreateRouteFailed           Create route entry in vtb-xxx failed, reason: … (a full table: 200 custom entries per table)
const multipleTables = /multiple route tables found/i;
const tableFull = /quota|exceed|\bfull\b/i;
const routeEvent = (e: EventObject) => /route/i.test(`${e.reason ?? ''} ${e.message}`);

function routeEvents(node: NodeObject, index: SnapshotIndex): EventObject[] {
  return (index.eventsByInvolved.get(`Node//${node.name}`) ?? []).filter((e) => e.type !== 'Normal' && routeEvent(e));
}

/**
 * ACK "为什么集群节点有NodeNetworkUnavailable污点?": cloud-controller-manager did not
 * clear the taint because it could not add the node's pod-CIDR route — the VPC
 * has several route tables, or the route table is full.
 */
export const nodeNetworkUnavailable = defineFact({
  id: 'nodeNetworkUnavailable',
  subject: 'Node',
  description:
    'The node\'s NetworkUnavailable condition and node.kubernetes.io/network-unavailable taint, and the cause cloud-controller-manager\'s route events on the node give (multiple route tables, route table full, other route failure, none captured).',
  reads: ['Node status.conditions NetworkUnavailable, spec.taints', 'Events involving the Node (reason/message mentioning routes)'],
  compute: (node, index) => {
    const condition = node.conditions.find((c) => c.type === 'NetworkUnavailable');
    const taint = node.taints.find((t) => t.key === networkUnavailableTaint);
    const events = index.snapshot.captured.includes('Event') ? routeEvents(node, index) : undefined;
    const latest = events ? latestEvent(events) : undefined;
    const multiple = events?.find((e) => multipleTables.test(e.message));
    const full = events?.find((e) => tableFull.test(e.message));
    const cause = multiple ? 'multiple-route-tables' : full ? 'route-table-full' : latest ? 'route-failed' : 'unknown';
    const shown = multiple ?? full ?? latest;
    return {
      unavailable: networkUnavailable(node),
      condition: condition ? `NetworkUnavailable=${condition.status}${condition.reason ? ` (${condition.reason})` : ''}` : 'no NetworkUnavailable condition',
      taint: taint ? `${taint.key}:${taint.effect}` : 'no network-unavailable taint',
      cause,
      event: shown ? `${shown.reason ?? 'event'}: ${shown.message}` : events ? 'no route event for this node' : 'events not captured',
      source: shown?.source ?? node.source,
    };
  },
});
