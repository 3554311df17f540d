import { isValidCidr, mergeCidrs, subtractCidrs } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';
import { exceptionEntries, list } from './windows-exception-list-external.js';

/**
 * An ExceptionList entry reaching outside the cluster: part of it is in none of the cluster (pod), Service and
 * management (host) subnets — e.g. `10.0.0.0/8`. An entry covering a declared external destination is left to
 * windowsExceptionListExternal (the more specific finding).
 */
export const windowsExceptionListTooBroad = defineFact({
  id: 'windowsExceptionListTooBroad',
  subject: 'Node',
  description:
    'ExceptionList entries of the node\'s Windows CNI config with parts in none of the pod, Service and node (management) subnets, with the external ranges each swallows.',
  reads: ['nodes/<node>/cni/* (Windows CNI config)', 'cluster.podCIDRs', 'cluster.serviceCIDRs', 'cluster.nodeCIDRs', 'cluster.externalCIDRs'],
  compute: (node, index) => {
    const cluster = index.snapshot.cluster;
    if (!cluster.podCIDRs) throw new MissingDataError('cluster.podCIDRs in snapshot.yaml (the cluster subnet)');
    if (!cluster.serviceCIDRs) throw new MissingDataError('cluster.serviceCIDRs in snapshot.yaml (the Service subnet)');
    if (!cluster.nodeCIDRs) throw new MissingDataError('cluster.nodeCIDRs in snapshot.yaml: the management (host) subnets of the nodes');
    const { entries, coversExternal, source } = exceptionEntries(index, node.name);
    // With Azure CNI the pods take addresses from the node subnet: the same range is named once.
    const clusterRanges = [...new Set([...cluster.podCIDRs.value, ...cluster.serviceCIDRs.value, ...cluster.nodeCIDRs.value])].filter(isValidCidr);
    const tooBroad = entries
      .filter((entry) => !coversExternal.some((c) => c.entry === entry))
      .map((entry) => ({ entry, swallows: mergeCidrs(subtractCidrs([entry], clusterRanges)) }))
      .filter((b) => b.swallows.length > 0);
    return {
      tooBroad: tooBroad.map((b) => b.entry),
      tooBroadCount: tooBroad.length,
      tooBroadSummary: tooBroad.map((b) => `${b.entry} swallows ${list(b.swallows)}`).join('; '),
      clusterRanges: clusterRanges.join(', '),
      source,
    };
  },
});
