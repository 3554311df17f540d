import { isValidAddress, normalizeCidr } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import { parseCniConfig } from '../../parsers/configs/cni-config.js';
import { cidrCoverage, type RequiredRange } from '../masquerade/cidr-coverage.js';
import { defineFact } from '../define.js';
import type { SnapshotIndex } from '../snapshot-index.js';

/**
 * The Windows CNI OutBoundNAT ExceptionList of a node against the ranges the
 * Windows troubleshooting guide says it must hold: the cluster (pod) subnet,
 * the Service subnet and the management (host) subnet. When the management
 * subnet is not declared, every node InternalIP must at least be covered —
 * a weaker check, but one that never reports a false gap.
 */
export const windowsExceptionList = defineFact({
  id: 'windowsExceptionList',
  subject: 'Node',
  description: 'The node\'s Windows CNI ExceptionList (file, line, form) and, for each required range (pod CIDR, Service CIDR, management subnet), the parts it does not cover.',
  reads: ['nodes/<node>/cni/* (Windows CNI config)', 'cluster.podCIDRs', 'cluster.serviceCIDRs', 'cluster.nodeCIDRs or Node InternalIPs'],
  compute: (node, index) => {
    const found = windowsCniConfig(index, node.name);
    const windows = found.windows;
    const required = requiredRanges(index);
    // Without OutBoundNAT nothing is NATed, so there is nothing to except.
    const coverage = windows.outboundNat ? cidrCoverage(windows.exceptionList, required) : cidrCoverage([], []);
    return {
      type: windows.type,
      form: windows.exceptionListForm,
      outboundNat: windows.outboundNat,
      exceptionList: windows.exceptionList,
      required,
      ...coverage,
      source: { file: found.file.file, ...(windows.exceptionListLine === undefined ? {} : { line: windows.exceptionListLine }) },
    };
  },
});

/** The node's Windows CNI config (win-bridge, win-overlay, sdnbridge, sdnoverlay); MissingDataError when not captured. */
export function windowsCniConfig(index: SnapshotIndex, node: string) {
  const files = index.nodeOutputs(node)?.cni ?? [];
  if (files.length === 0) throw new MissingDataError('nodes/<node>/cni/<file>: the CNI config of each Windows node (C:\\k\\cni\\config)');
  const found = files.map((file) => ({ file, value: index.parsed(file, parseCniConfig) })).find((c) => c.value.windows);
  if (!found?.value.windows) {
    throw new MissingDataError('a Windows CNI config (win-bridge, win-overlay, sdnbridge or sdnoverlay) under nodes/<node>/cni/');
  }
  return { file: found.file, config: found.value, windows: found.value.windows };
}

function requiredRanges(index: SnapshotIndex): RequiredRange[] {
  const cluster = index.snapshot.cluster;
  if (!cluster.podCIDRs) throw new MissingDataError('cluster.podCIDRs in snapshot.yaml (the cluster subnet)');
  if (!cluster.serviceCIDRs) throw new MissingDataError('cluster.serviceCIDRs in snapshot.yaml (the Service subnet)');
  const ranges: RequiredRange[] = [
    ...cluster.podCIDRs.value.map((cidr) => ({ name: 'cluster (pod) subnet', cidr })),
    ...cluster.serviceCIDRs.value.map((cidr) => ({ name: 'Service subnet', cidr })),
  ];
  if (cluster.nodeCIDRs) {
    ranges.push(...cluster.nodeCIDRs.value.map((cidr) => ({ name: 'management (host) subnet', cidr })));
  } else {
    for (const n of index.snapshot.nodes) {
      for (const a of n.addresses) {
        if (a.type === 'InternalIP' && isValidAddress(a.address)) ranges.push({ name: `node ${n.name} InternalIP`, cidr: normalizeCidr(a.address) });
      }
    }
  }
  return ranges;
}
