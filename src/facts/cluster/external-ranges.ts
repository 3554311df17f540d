import type { ExternalCidrEntry } from '../../snapshot/schema.js';

/**
 * What an `externalCIDRs` entry of snapshot.yaml is. `kind` says it; without
 * one, a name starting with the word "peer" means a peer cluster's range (its
 * VPC range when the name also says "vpc", else its container range) and any
 * other entry an IDC — the reading earlier snapshots relied on.
 */
export type ExternalRangeKind = NonNullable<ExternalCidrEntry['kind']>;

export function externalRangeKind(entry: ExternalCidrEntry): ExternalRangeKind {
  if (entry.kind) return entry.kind;
  const name = entry.name ?? '';
  if (!/^peer\b/i.test(name)) return 'idc';
  return /\bvpc\b/i.test(name) ? 'peer-vpc' : 'peer-pods';
}

/** IDC ranges: pods' traffic there must keep pod IPs (NonMasqueradeCIDRs), TKE "IDC 与容器(Pod)无法访问". */
export const isIdcRange = (entry: ExternalCidrEntry) => externalRangeKind(entry) === 'idc';
/** A peer cluster's container range: NonMasqueradeCIDRs must cover it ("彼此增加对方容器网段"). */
export const isPeerPodRange = (entry: ExternalCidrEntry) => externalRangeKind(entry) === 'peer-pods';
/** Any range of a peer cluster (VPC or containers): the node security group must admit it. */
export const isPeerRange = (entry: ExternalCidrEntry) => externalRangeKind(entry).startsWith('peer-');
