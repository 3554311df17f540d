import { defineFact } from '../define.js';
import { latestEvent } from '../logs/latest-event.js';
import { objectKey } from '../snapshot-index.js';
import { eventObject, iksEventMatches, iksEventPatterns, isCapturedService } from './iks-event-messages.js';

/** The IKS NLB event messages about one Service, by message id (see iks-event-messages.ts). */
export const iksServiceEvents = defineFact({
  id: 'iksServiceEvents',
  subject: 'Service',
  description:
    'IKS cloud-provider events about the Service, by message: oneNode, noPortableIp, ipNotAvailable (with the requested and available IPs), ' +
    'noNodesForNlb, subnetLimit — each with its count, last event and reason; `matched` counts the messages found; `inSnapshot` is false ' +
    'for a Service only its events name (not captured), and `serviceNote` then says so.',
  reads: ['Events (core/v1 message, events.k8s.io/v1 note) whose involved object is the Service'],
  priority: 2,
  compute: (service, index) => {
    const matches = iksEventMatches(index).byService.get(objectKey(service.namespace, service.name)) ?? [];
    const byId: Record<string, { found: boolean; count: number; quote: string; reason?: string; lastSeen?: string; event?: string; requested?: string; available?: string }> = {};
    let source = service.source;
    for (const p of iksEventPatterns) {
      const own = matches.filter((m) => m.id === p.id);
      const last = latestEvent(own.map((m) => m.event));
      const match = own.find((m) => m.event === last);
      byId[p.id] = { found: own.length > 0, count: own.reduce((n, m) => n + Math.max(1, m.event.count), 0), quote: p.quote };
      if (last && match) {
        Object.assign(byId[p.id]!, { reason: last.reason ?? '', lastSeen: last.lastTimestamp ?? '', event: eventObject(last) });
        if (p.id === 'ipNotAvailable') Object.assign(byId[p.id]!, { requested: match.groups[0] ?? '', available: (match.groups[1] ?? '').trim() || 'none listed' });
        source = last.source;
      }
    }
    const inSnapshot = isCapturedService(index, service);
    const serviceNote = inSnapshot ? '' : ' (not in the snapshot: deleted since, or not captured; its Events name it)';
    return { ...byId, matched: new Set(matches.map((m) => m.id)).size, inSnapshot, serviceNote, source };
  },
});
