import { defineFact } from '../define.js';

const SHOWN = 3;

/** The Windows nodes of the cluster: the context in which the Windows guide's general advice applies. */
export const windowsNodesPresent = defineFact({
  id: 'windowsNodesPresent',
  subject: 'Cluster',
  description: 'How many Windows nodes the cluster has, and their first names.',
  reads: ['Node status.nodeInfo.operatingSystem or kubernetes.io/os label'],
  compute: (_cluster, index) => {
    const nodes = index.snapshot.nodes.filter((n) => n.os === 'windows');
    const names = nodes.map((n) => n.name);
    return {
      count: nodes.length,
      names: names.length <= SHOWN ? names.join(', ') : `${names.slice(0, SHOWN).join(', ')} and ${names.length - SHOWN} more`,
      source: nodes[0]?.source ?? { file: '' },
    };
  },
});
