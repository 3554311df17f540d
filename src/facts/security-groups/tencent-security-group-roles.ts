import { MissingDataError } from '../../errors.js';
import type { Source } from '../../snapshot/source.js';
import { cloudInventory } from '../cloud-inventory.js';
import type { ChainGroup } from './security-group-admits.js';
import type { SnapshotIndex } from '../snapshot-index.js';

/**
 * Which Tencent Cloud security groups protect what. kubectl output does not
 * say which groups a CVM is bound to, so the file name does:
 * `cloud/tencent-security-groups-node[-…].json` holds the nodes' groups,
 * `cloud/tencent-security-groups-clb[-…].json` the groups of the CLB in front
 * of `default/kubelb-internet`. TKE advises binding one group to every node
 * of a cluster, so all nodes are taken to share the node groups; several node
 * groups are a chain in binding order (file name, then list order).
 */
export type SecurityGroupRole = 'node' | 'clb' | 'master' | 'unnamed';

export interface SecurityGroupChain {
  groups: ChainGroup[];
  /** `sg-5ksl9t3m`, `sg-5ksl9t3m → sg-0q4vzmrk`. */
  label: string;
  /** How the groups were chosen, for the finding. */
  from: string;
  source: Source;
}

const NODE_FILE = 'cloud/tencent-security-groups-node-<sg-id>.json';
const CAPTURE =
  `${NODE_FILE}: the security group(s) bound to the nodes (tccli vpc DescribeSecurityGroupPolicies --SecurityGroupId <sg-id>; ` +
  'the node\'s 安全组 tab in the console names them), the file name saying they are the nodes\'';

export function securityGroupRole(file: string): SecurityGroupRole {
  const base = (file.split('/').pop() ?? file).toLowerCase();
  const role = /^tencent-security-groups-(node|clb|master)(?:[-_.]|s\b)/.exec(base)?.[1];
  return (role as SecurityGroupRole | undefined) ?? 'unnamed';
}

const groupName = (g: ChainGroup) => g.securityGroupId ?? `unnamed group (${g.source?.file ?? 'unknown file'} line ${g.line})`;

function chain(groups: ChainGroup[], from: string, object: string): SecurityGroupChain {
  const first = groups[0]!;
  const label = groups.map(groupName).join(' → ');
  return { groups, label, from, source: { file: first.source?.file ?? 'cloud', line: first.line, object: `${object} ${label}` } };
}

function groupsWithRole(index: SnapshotIndex, role: SecurityGroupRole): ChainGroup[] {
  // cloudInventory reads files in name order and keeps each file's list order.
  return cloudInventory(index).securityGroups.filter((g) => securityGroupRole(g.source.file) === role);
}

function assertComplete(index: SnapshotIndex, groups: ChainGroup[]): void {
  const incomplete = cloudInventory(index).incomplete.securityGroups;
  const cut = groups.map((g) => g.source?.file).find((f) => f !== undefined && incomplete.includes(f));
  if (cut) throw new MissingDataError(`a complete ${cut} (it does not parse to the end, so rules may be missing; see diagnostics)`);
}

/** The nodes' security groups; the only group in the snapshot when no file is named for nodes. */
export function nodeSecurityGroups(index: SnapshotIndex): SecurityGroupChain {
  const named = groupsWithRole(index, 'node');
  if (named.length > 0) {
    assertComplete(index, named);
    const files = [...new Set(named.map((g) => g.source?.file))].join(', ');
    return chain(named, `file ${files}`, 'node security group');
  }
  const unnamed = groupsWithRole(index, 'unnamed');
  if (unnamed.length !== 1) {
    const found = unnamed.length === 0 ? 'no node security group' : `${unnamed.length} security groups, none named for nodes`;
    throw new MissingDataError(`${CAPTURE} (the snapshot has ${found})`);
  }
  assertComplete(index, unnamed);
  const file = unnamed[0]!.source?.file ?? 'cloud';
  return chain(unnamed, `the only security group in the snapshot (${file}), taken as the nodes'; name the file ${NODE_FILE} to confirm`, 'node security group');
}

/** The security groups of the CLB bound to default/kubelb-internet, when captured. */
export function clbSecurityGroups(index: SnapshotIndex): SecurityGroupChain | undefined {
  const groups = groupsWithRole(index, 'clb');
  if (groups.length === 0) return undefined;
  assertComplete(index, groups);
  const files = [...new Set(groups.map((g) => g.source?.file))].join(', ');
  return chain(groups, `file ${files}`, 'CLB security group');
}
