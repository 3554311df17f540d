import { MissingDataError } from '../../errors.js';
import { parseIpsecStatus } from '../../parsers/cluster/ipsec-status.js';
import { clusterOutputKinds, requiredClusterOutput } from '../cluster-outputs.js';
import { defineFact } from '../define.js';

/** `ipsec status` of the VPN pod: is any connection `ESTABLISHED`? */
export const strongswanIpsecStatus = defineFact({
  id: 'strongswanIpsecStatus',
  subject: 'Cluster',
  description: 'From `ipsec status` (cluster/ipsec-status.txt): how many connections are ESTABLISHED, and the others with their IKE/CHILD states.',
  reads: ['cluster/ipsec-status.txt'],
  compute: (_cluster, index) => {
    const out = requiredClusterOutput(index, 'ipsecStatus', parseIpsecStatus, (v) => v.connections.length === 0 && v.daemonUnavailableLine === undefined);
    const v = out.value;
    // Cut before its `Security Associations (N up, M connecting)` line (a paste, a head), the output shows which
    // connections are configured but not which are up: not knowing is not "none established".
    if (v.securityAssociations === undefined && v.daemonUnavailableLine === undefined) {
      throw new MissingDataError(`${clusterOutputKinds.ipsecStatus.capture} (${out.file.file} ends before its Security Associations section)`);
    }
    const down = v.connections.filter((c) => !c.established);
    return {
      connections: v.connections.length,
      established: v.connections.filter((c) => c.established).length,
      notEstablished:
        down.map((c) => `${c.name} (${[...c.ikeStates, ...c.childStates].join('/') || 'no SA'}, line ${c.line})`).join('; ') ||
        (v.daemonUnavailableLine ? `charon not reachable (line ${v.daemonUnavailableLine})` : 'no connection listed'),
      source: out.at(down[0]?.line ?? v.securityAssociations?.line ?? v.daemonUnavailableLine),
    };
  },
});
