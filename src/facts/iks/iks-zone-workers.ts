import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';
import { workersByZone } from './worker-zones.js';

/** "每个专区至少有 2 个工作程序节点，以确保 ALB 的高可用性": Ready workers per zone. */
export const iksZoneWorkers = defineFact({
  id: 'iksZoneWorkers',
  subject: 'Cluster',
  description:
    'Ready workers per zone (zone label ibm-cloud.kubernetes.io/zone, topology.kubernetes.io/zone or failure-domain.beta.kubernetes.io/zone): ' +
    'the zones with fewer than 2, as `zone: N Ready of M (names)`, and how many Ingresses exist.',
  reads: ['Nodes labels (zone), status.conditions Ready', 'Ingresses (count)'],
  compute: (_cluster, index) => {
    if (index.snapshot.nodes.length === 0) throw new MissingDataError('kubectl get nodes -o json > nodes.json');
    const zones = workersByZone(index.snapshot.nodes);
    const below = zones.filter((z) => z.ready.length < 2);
    return {
      ingresses: index.snapshot.ingresses.length,
      ingressNames: index.snapshot.ingresses.map((i) => `${i.namespace}/${i.name}`).sort().slice(0, 10).join(', '),
      zones: zones.map((z) => z.zone).join(', '),
      zonesBelowTwoCount: below.length,
      zonesBelowTwo: below.map((z) => `${z.zone}: ${z.ready.length} Ready of ${z.nodes.length} (${z.nodes.map((n) => n.name).sort().join(', ')})`).join('; '),
      source: (below[0]?.nodes[0] ?? index.snapshot.nodes[0])!.source,
    };
  },
});
