import { cidrsOverlap, isValidCidr, mergeCidrs, normalizeCidr, subtractCidrs } from '../../cidr/index.js';
import { defineFact } from '../define.js';
import { windowsCniConfig } from './windows-exception-list.js';

/** Ranges named in a message before the rest is counted. */
const SHOWN = 3;

const list = (cidrs: readonly string[]) =>
  cidrs.length <= SHOWN ? cidrs.join(', ') : `${cidrs.slice(0, SHOWN).join(', ')} and ${cidrs.length - SHOWN} more ranges`;

/**
 * The other half of the guide's ExceptionList advice (我的 Windows Pod 無法 Ping 外部資源 — 為什麼?): traffic to an
 * ExceptionList destination is not NATed, so an external IP in it never gets its replies back to the Windows pod.
 * An entry reaches outside the cluster when part of it is in none of the cluster (pod), Service and management
 * (host) subnets — e.g. `10.0.0.0/8` — or when it covers a declared external destination (cluster.externalCIDRs).
 * An entry covering an external destination is reported as that (the more specific finding), not as too broad.
 */
export const windowsExceptionListExternal = defineFact({
  id: 'windowsExceptionListExternal',
  subject: 'Node',
  description:
    'ExceptionList entries of the node\'s Windows CNI config that reach outside the cluster: `tooBroad` (parts in none of the pod, Service and node subnets, with the external ranges each swallows) and `coversExternal` (entries covering a cluster.externalCIDRs destination).',
  reads: ['nodes/<node>/cni/* (Windows CNI config)', 'cluster.podCIDRs', 'cluster.serviceCIDRs', 'cluster.nodeCIDRs', 'cluster.externalCIDRs'],
  compute: (node, index) => {
    const { file, windows } = windowsCniConfig(index, node.name);
    const cluster = index.snapshot.cluster;
    const entries = windows.outboundNat ? windows.exceptionList.filter(isValidCidr).map(normalizeCidr) : [];
    const external = cluster.externalCIDRs?.value.filter((e) => isValidCidr(e.cidr)) ?? [];
    const coversExternal = entries.flatMap((entry) => {
      const hits = external.filter((e) => cidrsOverlap(entry, e.cidr));
      return hits.length === 0 ? [] : [{ entry, external: hits.map((e) => `${e.name ?? 'external'} ${e.cidr}`) }];
    });
    const clusterRanges = [...(cluster.podCIDRs?.value ?? []), ...(cluster.serviceCIDRs?.value ?? []), ...(cluster.nodeCIDRs?.value ?? [])].filter(isValidCidr);
    const tooBroad = cluster.nodeCIDRs
      ? entries
          .filter((entry) => !coversExternal.some((c) => c.entry === entry))
          .map((entry) => ({ entry, swallows: mergeCidrs(subtractCidrs([entry], clusterRanges)) }))
          .filter((b) => b.swallows.length > 0)
      : [];
    return {
      exceptionList: windows.exceptionList,
      tooBroad: tooBroad.map((b) => b.entry),
      tooBroadCount: tooBroad.length,
      tooBroadSummary: tooBroad.map((b) => `${b.entry} swallows ${list(b.swallows)}`).join('; '),
      coversExternal: coversExternal.map((c) => c.entry),
      coversExternalCount: coversExternal.length,
      coversExternalSummary: coversExternal.map((c) => `${c.entry} covers ${c.external.join(', ')}`).join('; '),
      clusterRanges: clusterRanges.join(', '),
      source: { file: file.file, ...(windows.exceptionListLine === undefined ? {} : { line: windows.exceptionListLine }) },
    };
  },
});
