import { parseIbmcloudKsAlbs } from '../../parsers/cluster/ibmcloud-ks-albs.js';
import { parseIbmcloudKsWorkers } from '../../parsers/cluster/ibmcloud-ks-workers.js';
import { parsedClusterOutputs, requiredClusterOutput } from '../cluster-outputs.js';
import { defineFact } from '../define.js';
import { zoneOf } from './worker-zones.js';

/** "专区中未部署 ALB": zones that have workers but no enabled public ALB in `ibmcloud ks albs`. */
export const iksZoneAlbs = defineFact({
  id: 'iksZoneAlbs',
  subject: 'Cluster',
  description:
    'Zones with worker nodes (node zone labels, else `ibmcloud ks workers`) that have no enabled public ALB in `ibmcloud ks albs`, ' +
    'and the public ALBs per zone that were found.',
  reads: ['Nodes zone labels', 'cluster/ibmcloud-ks-albs.txt', 'cluster/ibmcloud-ks-workers.txt'],
  compute: (_cluster, index) => {
    const albs = requiredClusterOutput(index, 'ibmcloudKsAlbs', parseIbmcloudKsAlbs, (v) => v.albs.length === 0);
    const zones = new Set(index.snapshot.nodes.map(zoneOf).filter((z): z is string => z !== undefined));
    if (zones.size === 0) {
      for (const out of parsedClusterOutputs(index, 'ibmcloudKsWorkers', parseIbmcloudKsWorkers)) for (const w of out.value.workers) if (w.zone) zones.add(w.zone);
    }
    const publicAlbs = albs.value.albs.filter((a) => a.type === 'public' || a.id.startsWith('public-'));
    const enabled = publicAlbs.filter((a) => a.enabled === true || (a.enabled === undefined && (a.status ?? a.state) === 'enabled'));
    const missing = [...zones].sort().filter((zone) => !enabled.some((a) => a.zone === zone));
    return {
      zonesWithWorkers: [...zones].sort().join(', '),
      zonesWithoutPublicAlbCount: missing.length,
      zonesWithoutPublicAlb: missing.join(', '),
      enabledPublicAlbs: enabled.map((a) => `${a.id} (${a.zone ?? '?'})`).join(', ') || 'none',
      source: albs.at(albs.value.albs[0]?.line),
    };
  },
});
