import { isValidCidr, mergeCidrs, normalizeCidr, subtractCidrs } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import type { PortRange } from '../../parsers/cloud/port-ranges.js';
import type { Source } from '../../snapshot/source.js';
import type { AddressSpaceFigure } from '../figure.js';
import { type CoverageGap, coverageFigure } from '../figure-builders.js';
import { type AdmitQuery, type DecidingRule, securityGroupAdmits } from './security-group-admits.js';
import type { SecurityGroupChain } from './tencent-security-group-roles.js';

/** A source range that must reach the protected instances, and what it is ("container CIDR", "node 10.0.0.12"). */
export interface RequiredSource {
  name: string;
  cidr: string;
}

export interface SecurityGroupCoverage {
  securityGroups: string;
  from: string;
  /** What was asked: `TCP/UDP 1-65535 from container CIDR 172.16.0.0/16, VPC CIDR 10.0.0.0/16`. */
  checked: string;
  /** One entry per source and gap: `container CIDR 172.16.0.0/16: TCP/UDP 1-65535 from 172.16.128.0/17 (DROP …)`. */
  notAdmitted: string[];
  notAdmittedCount: number;
  summary: string;
  /** Gaps that depend on rules naming a peer security group, an address template or a service template. */
  undetermined: string[];
  undeterminedCount: number;
  undeterminedSummary: string;
  /** Required values that are not CIDRs (skipped). */
  invalid: string[];
  /** The valid required sources, and the addresses of each that some protocol or port is not admitted from, for the picture. */
  required: RequiredSource[];
  gaps: CoverageGap[];
  source: Source;
}

/** Every port: pod and node traffic may use any of them. */
export const ALL_TRAFFIC_PORTS: PortRange[] = [[1, 65535]];

export const formatPorts = (ports: readonly PortRange[]) => ports.map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`)).join(', ');

/** `0.0.0.0/0 except 10.0.0.0/16` when that is shorter than listing the parts of `within`. */
export function describeCidrs(cidrs: readonly string[], within: readonly string[]): string {
  const rest = subtractCidrs(within, cidrs);
  if (cidrs.length > 2 && rest.length < cidrs.length) return `${within.join(', ')} except ${rest.join(', ')}`;
  return cidrs.join(', ');
}

export function describeRule(rule: DecidingRule | undefined): string {
  if (!rule) return 'no rule matches, so it is dropped';
  const note = rule.description ? ` "${rule.description}"` : '';
  return `${rule.action.toUpperCase()} by ${rule.securityGroupId ?? 'the group'} PolicyIndex ${rule.order}${note}, line ${rule.line}`;
}

/** Nothing when the gap is the whole required range, else ` from <the part>`. */
const fromPart = (cidrs: readonly string[], whole: string) => (cidrs.length === 1 && cidrs[0] === whole ? '' : ` from ${describeCidrs(cidrs, [whole])}`);

const unresolved = (rules: DecidingRule[]) =>
  `depends on ${rules.map((r) => `${r.securityGroupId ?? 'the group'} PolicyIndex ${r.order} (line ${r.line}), ${r.action.toUpperCase()} for ${r.unresolved ?? 'a peer'}`).join(' and ')}, which the snapshot does not resolve`;

/**
 * Asks `chain` whether each required source reaches `ports` over each of
 * `protocols`; gaps with the same addresses, ports and reason are joined
 * across protocols (`TCP/UDP`).
 */
export function securityGroupCoverage(
  chain: SecurityGroupChain,
  required: readonly RequiredSource[],
  protocols: ReadonlyArray<AdmitQuery['protocol']>,
  ports: readonly PortRange[],
): SecurityGroupCoverage {
  const valid = required.filter((r) => isValidCidr(r.cidr)).map((r) => ({ ...r, cidr: normalizeCidr(r.cidr) }));
  if (valid.length === 0) throw new MissingDataError(`a valid CIDR for ${[...new Set(required.map((r) => r.name))].join(', ')} (snapshot.yaml)`);
  const gaps = new Map<string, { head: string; protocols: string[]; tail: string }>();
  const unsure = new Map<string, { head: string; protocols: string[]; tail: string }>();
  let firstGap: DecidingRule | undefined;
  let firstUnsure: DecidingRule | undefined;
  const gapCidrs = new Map<RequiredSource, string[]>();
  const add = (into: typeof gaps, head: string, protocol: string, tail: string) => {
    const key = `${head}|${tail}`;
    const seen = into.get(key);
    if (seen) seen.protocols.push(protocol);
    else into.set(key, { head, protocols: [protocol], tail });
  };
  for (const r of valid) {
    for (const protocol of protocols) {
      const result = securityGroupAdmits(chain.groups, { protocol, cidrs: [r.cidr], ports });
      for (const part of result.notAdmitted) {
        firstGap ??= part.rule;
        gapCidrs.set(r, [...(gapCidrs.get(r) ?? []), ...part.cidrs]);
        add(gaps, `${r.name} ${r.cidr}`, protocol, `${formatPorts(part.ports)}${fromPart(part.cidrs, r.cidr)} (${describeRule(part.rule)})`);
      }
      for (const part of result.undetermined) {
        firstUnsure ??= part.rules[0];
        add(unsure, `${r.name} ${r.cidr}`, protocol, `${formatPorts(part.ports)}${fromPart(part.cidrs, r.cidr)} (${unresolved(part.rules)})`);
      }
    }
  }
  const at = (rule: DecidingRule | undefined): Source => (rule ? { ...chain.source, file: rule.file ?? chain.source.file, line: rule.line } : chain.source);
  const lines = (map: typeof gaps) => [...map.values()].map((g) => `${g.head}: ${g.protocols.map((p) => p.toUpperCase()).join('/')} ${g.tail}`);
  const notAdmitted = lines(gaps);
  const protocolText = protocols.map((p) => p.toUpperCase()).join('/');
  return {
    securityGroups: chain.label,
    from: chain.from,
    checked: `${protocolText} ${formatPorts(ports)} from ${valid.map((r) => `${r.name} ${r.cidr}`).join(', ') || 'nothing'}`,
    notAdmitted,
    notAdmittedCount: notAdmitted.length,
    summary: notAdmitted.join('; '),
    undetermined: lines(unsure),
    undeterminedCount: unsure.size,
    undeterminedSummary: lines(unsure).join('; '),
    invalid: required.filter((r) => !isValidCidr(r.cidr)).map((r) => `${r.name} ${r.cidr}`),
    required: valid,
    gaps: [...gapCidrs].map(([r, cidrs]) => ({ name: r.name, cidr: r.cidr, missing: mergeCidrs(cidrs) })),
    // The first DROP rule that takes a required range, else the first unresolved rule, else the group.
    source: at(firstGap ?? firstUnsure),
  };
}

/** The required sources, what of them the groups admit on every port, and what they do not (some port or protocol). */
export function securityGroupFigure(v: SecurityGroupCoverage): AddressSpaceFigure | undefined {
  if (v.gaps.length === 0) return undefined;
  const admitted = subtractCidrs(v.required.map((r) => r.cidr), v.gaps.flatMap((g) => g.missing));
  return coverageFigure(
    `Security groups ${v.securityGroups}: the sources that must reach the nodes, and the part not admitted`,
    { label: 'admitted', cidrs: admitted },
    v.required,
    v.gaps,
    { missing: 'not admitted', complete: 'admitted' },
  );
}
