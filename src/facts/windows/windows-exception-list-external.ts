import { cidrsOverlap, isValidCidr, normalizeCidr } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';
import type { SnapshotIndex } from '../snapshot-index.js';
import { windowsCniConfig } from './windows-exception-list.js';

/** Ranges named in a message before the rest is counted. */
const SHOWN = 3;

export const list = (cidrs: readonly string[]) =>
  cidrs.length <= SHOWN ? cidrs.join(', ') : `${cidrs.slice(0, SHOWN).join(', ')} and ${cidrs.length - SHOWN} more ranges`;

/** ExceptionList entries (valid CIDRs, only when OutBoundNAT is on) and the entries covering a declared external destination. */
export function exceptionEntries(index: SnapshotIndex, node: string) {
  const { file, windows } = windowsCniConfig(index, node);
  const entries = windows.outboundNat ? windows.exceptionList.filter(isValidCidr).map(normalizeCidr) : [];
  const external = index.snapshot.cluster.externalCIDRs?.value.filter((e) => isValidCidr(e.cidr)) ?? [];
  const coversExternal = entries.flatMap((entry) => {
    const hits = external.filter((e) => cidrsOverlap(entry, e.cidr));
    return hits.length === 0 ? [] : [{ entry, external: hits.map((e) => `${e.name ?? 'external'} ${e.cidr}`) }];
  });
  const source = { file: file.file, ...(windows.exceptionListLine === undefined ? {} : { line: windows.exceptionListLine }) };
  return { entries, coversExternal, source, exceptionList: windows.exceptionList };
}

/**
 * The other half of the guide's ExceptionList advice (我的 Windows Pod 無法 Ping 外部資源 — 為什麼?): traffic to an
 * ExceptionList destination is not NATed, so an external IP in it never gets its replies back to the Windows pod.
 * This fact: entries covering a declared external destination (cluster.externalCIDRs).
 */
export const windowsExceptionListExternal = defineFact({
  id: 'windowsExceptionListExternal',
  subject: 'Node',
  description: 'ExceptionList entries of the node\'s Windows CNI config that cover a cluster.externalCIDRs destination, with the destinations.',
  reads: ['nodes/<node>/cni/* (Windows CNI config)', 'cluster.externalCIDRs'],
  compute: (node, index) => {
    if (!index.snapshot.cluster.externalCIDRs) {
      throw new MissingDataError('cluster.externalCIDRs in snapshot.yaml: destinations outside the cluster that Windows pods must reach');
    }
    const { coversExternal, source } = exceptionEntries(index, node.name);
    return {
      coversExternal: coversExternal.map((c) => c.entry),
      coversExternalCount: coversExternal.length,
      coversExternalSummary: coversExternal.map((c) => `${c.entry} covers ${c.external.join(', ')}`).join('; '),
      source,
    };
  },
});
