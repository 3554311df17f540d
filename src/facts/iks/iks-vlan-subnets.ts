import { parseIbmcloudKsSubnets } from '../../parsers/cluster/ibmcloud-ks-subnets.js';
import { parsedClusterOutputs } from '../cluster-outputs.js';
import { defineFact } from '../define.js';
import { eventObject, iksEventMatches } from './iks-event-messages.js';

/** "对于 IBM Cloud Kubernetes Service，VLAN 限制为 40 个子网". */
export const vlanSubnetLimit = 40;

/** Subnets per VLAN, and `ErrorSubnetLimitReached` events on any object. */
export const iksVlanSubnets = defineFact({
  id: 'iksVlanSubnets',
  subject: 'Cluster',
  description:
    `VLANs with ${vlanSubnetLimit} or more subnets (\`ibmcloud ks subnets\` rows per VLAN ID), ` +
    'and the events whose message has ErrorSubnetLimitReached (count, objects).',
  reads: ['cluster/ibmcloud-ks-subnets.txt', 'Events message/note'],
  compute: (_cluster, index) => {
    const events = iksEventMatches(index).all.filter((m) => m.id === 'subnetLimit');
    const subnets = parsedClusterOutputs(index, 'ibmcloudKsSubnets', parseIbmcloudKsSubnets);
    const perVlan = new Map<string, { count: number; line: number; at: (typeof subnets)[number]['at'] }>();
    for (const out of subnets) {
      for (const row of out.value.subnets) {
        if (!row.vlanId) continue;
        const entry = perVlan.get(row.vlanId) ?? { count: 0, line: row.line, at: out.at };
        entry.count++;
        perVlan.set(row.vlanId, entry);
      }
    }
    const full = [...perVlan.entries()].filter(([, e]) => e.count >= vlanSubnetLimit).sort(([a], [b]) => a.localeCompare(b));
    const value = {
      subnetListCaptured: perVlan.size > 0,
      eventCount: events.length,
      eventObjects: [...new Set(events.map((m) => `${eventObject(m.event)} (${m.event.involvedKind ?? '?'} ${m.event.involvedNamespace ? `${m.event.involvedNamespace}/` : ''}${m.event.involvedName ?? '?'})`))].join(', '),
      vlansAtLimitCount: full.length,
      vlansAtLimit: full.map(([id, e]) => `${id} (${e.count} subnets)`).join(', '),
      source: full[0] ? full[0][1].at(full[0][1].line) : events[0]?.event.source ?? { file: 'cluster/' },
    };
    return value;
  },
});
