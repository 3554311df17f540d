import { mergeCidrs, subtractCidrs } from '../../cidr/index.js';
import { mergePortRanges, type PortRange, uncoveredPortRanges } from '../../parsers/cloud/port-ranges.js';
import type { SecurityGroup, SecurityGroupRule } from '../../parsers/cloud/tencent-security-groups.js';
import type { Source } from '../../snapshot/source.js';

/**
 * Which part of "protocol P, source CIDRs C, destination ports R" a chain of
 * Tencent Cloud security groups admits on ingress. Tencent matches a group's
 * rules top-down (PolicyIndex) and the first matching rule decides ACCEPT or
 * DROP; an instance bound to several groups goes through them in binding
 * order; a packet no rule matches is dropped. So the packet space is walked
 * rule by rule, each rule taking the part of it that it matches.
 */

export interface AdmitQuery {
  protocol: 'tcp' | 'udp';
  cidrs: readonly string[];
  ports: readonly PortRange[];
}

/** A rule that decided (or may have decided) part of the query. */
export interface DecidingRule {
  securityGroupId?: string;
  order: number;
  action: 'accept' | 'drop';
  line: number;
  file?: string;
  description?: string;
  /** For a rule the snapshot cannot resolve: what it refers to (`address template ipm-2uw6ujo6`). */
  unresolved?: string;
}

export interface AdmitPart {
  cidrs: string[];
  ports: PortRange[];
  /** The ACCEPT / DROP rule that matched first; absent when no rule matched (dropped by default). */
  rule?: DecidingRule;
}

export interface UndeterminedPart {
  cidrs: string[];
  ports: PortRange[];
  /** Rules whose peer (security group, address template) or ports (service template) the snapshot does not resolve. */
  rules: DecidingRule[];
}

export interface AdmitResult {
  admitted: AdmitPart[];
  notAdmitted: AdmitPart[];
  /** Parts whose outcome depends on whether an unresolved rule matches. */
  undetermined: UndeterminedPart[];
}

export type ChainGroup = SecurityGroup & { source?: Source };

const ALL_PORTS: PortRange[] = [[0, 65535]];

const intersectCidrs = (a: readonly string[], b: readonly string[]) => subtractCidrs(a, subtractCidrs(a, b));
const subtractPorts = (a: readonly PortRange[], b: readonly PortRange[]): PortRange[] =>
  mergePortRanges(a.flatMap(([from, to]) => uncoveredPortRanges([...b], from, to)));
const intersectPorts = (a: readonly PortRange[], b: readonly PortRange[]) => subtractPorts(a, subtractPorts(a, b));

/** What a rule matches: `undefined` cidrs / ports = the snapshot cannot tell; `matches: false` = another protocol. */
function scopeOf(rule: SecurityGroupRule, protocol: AdmitQuery['protocol']): { matches: boolean; cidrs?: string[]; ports?: PortRange[] } {
  if (rule.protocol !== undefined && rule.protocol !== 'all' && rule.protocol !== protocol) return { matches: false };
  const peers = [rule.cidr, rule.ipv6Cidr].filter((c): c is string => c !== undefined);
  // A peer security group or address template stands for addresses the snapshot does not list.
  const cidrs = peers.length > 0 && rule.peerSecurityGroupId === undefined && rule.addressTemplate === undefined ? peers : undefined;
  const ports = rule.protocol === 'all' || rule.ports === 'all' ? ALL_PORTS : rule.ports;
  return { matches: true, ...(cidrs ? { cidrs } : {}), ...(ports ? { ports } : {}) };
}

function ref(group: ChainGroup, rule: SecurityGroupRule): DecidingRule {
  const out: DecidingRule = { order: rule.order, action: rule.action, line: rule.line };
  if (group.securityGroupId !== undefined) out.securityGroupId = group.securityGroupId;
  if (group.source?.file !== undefined) out.file = group.source.file;
  if (rule.description !== undefined) out.description = rule.description;
  const unresolved = rule.peerSecurityGroupId
    ? `security group ${rule.peerSecurityGroupId}`
    : rule.addressTemplate
      ? `address template ${rule.addressTemplate}`
      : rule.serviceTemplate
        ? `service template ${rule.serviceTemplate}`
        : rule.protocol === undefined || rule.ports === undefined || (rule.cidr === undefined && rule.ipv6Cidr === undefined)
          ? 'an unreadable Port or CidrBlock'
          : undefined;
  if (unresolved !== undefined) out.unresolved = unresolved;
  return out;
}

interface Region {
  cidrs: string[];
  ports: PortRange[];
  /** Unresolved rules this region may have matched. */
  via: DecidingRule[];
}

/** Walks `groups` (in binding order) for `query`; every address × port of the query ends up in exactly one part. */
export function securityGroupAdmits(groups: readonly ChainGroup[], query: AdmitQuery): AdmitResult {
  let regions: Region[] = [{ cidrs: mergeCidrs(query.cidrs), ports: mergePortRanges([...query.ports]), via: [] }];
  const decided: Array<Region & { rule?: DecidingRule }> = [];
  for (const group of groups) {
    const ingress = group.rules.filter((r) => r.direction === 'ingress').sort((a, b) => a.order - b.order);
    for (const rule of ingress) {
      const scope = scopeOf(rule, query.protocol);
      if (!scope.matches) continue;
      const resolved = scope.cidrs !== undefined && scope.ports !== undefined && rule.protocol !== undefined;
      const next: Region[] = [];
      for (const region of regions) {
        const cidrsIn = scope.cidrs ? intersectCidrs(region.cidrs, scope.cidrs) : region.cidrs;
        const portsIn = scope.ports ? intersectPorts(region.ports, scope.ports) : region.ports;
        if (cidrsIn.length === 0 || portsIn.length === 0) {
          next.push(region);
          continue;
        }
        const cidrsOut = scope.cidrs ? subtractCidrs(region.cidrs, scope.cidrs) : [];
        const portsOut = scope.ports ? subtractPorts(region.ports, scope.ports) : [];
        if (cidrsOut.length > 0) next.push({ cidrs: cidrsOut, ports: region.ports, via: region.via });
        if (portsOut.length > 0) next.push({ cidrs: cidrsIn, ports: portsOut, via: region.via });
        const inside = { cidrs: cidrsIn, ports: portsIn, via: region.via };
        // An unresolved rule may or may not match: the region goes on, remembering the rule.
        if (resolved) decided.push({ ...inside, rule: ref(group, rule) });
        else next.push({ ...inside, via: [...region.via, ref(group, rule)] });
      }
      regions = next;
    }
  }
  decided.push(...regions);
  const result: AdmitResult = { admitted: [], notAdmitted: [], undetermined: [] };
  for (const { cidrs, ports, via, rule } of decided) {
    const action = rule?.action ?? 'drop';
    // Certain only if no unresolved rule on the way would have decided the other way.
    const against = via.filter((v) => v.action !== action);
    if (against.length > 0) result.undetermined.push({ cidrs, ports, rules: against });
    else (action === 'accept' ? result.admitted : result.notAdmitted).push({ cidrs, ports, ...(rule ? { rule } : {}) });
  }
  return { admitted: compact(result.admitted), notAdmitted: compact(result.notAdmitted), undetermined: result.undetermined };
}

/** Joins parts decided by the same rule: same ports → one CIDR list, then same CIDRs → one port list. */
function compact(parts: AdmitPart[]): AdmitPart[] {
  const ruleKey = (p: AdmitPart) => (p.rule ? `${p.rule.file ?? ''}:${p.rule.line}` : 'default');
  const join = (list: AdmitPart[], key: (p: AdmitPart) => string, merge: (a: AdmitPart, b: AdmitPart) => AdmitPart) => {
    const byKey = new Map<string, AdmitPart>();
    for (const part of list) {
      const k = `${ruleKey(part)}|${key(part)}`;
      const seen = byKey.get(k);
      byKey.set(k, seen ? merge(seen, part) : part);
    }
    return [...byKey.values()];
  };
  const byPorts = join(parts, (p) => JSON.stringify(p.ports), (a, b) => ({ ...a, cidrs: mergeCidrs([...a.cidrs, ...b.cidrs]) }));
  return join(byPorts, (p) => p.cidrs.join(','), (a, b) => ({ ...a, ports: mergePortRanges([...a.ports, ...b.ports]) }));
}
