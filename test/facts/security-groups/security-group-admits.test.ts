import { describe, expect, it } from 'vitest';
import type { SecurityGroupRule } from '../../../src/parsers/cloud/tencent-security-groups.js';
import { type ChainGroup, securityGroupAdmits } from '../../../src/facts/security-groups/security-group-admits.js';

let line = 10;
const rule = (order: number, action: 'accept' | 'drop', peer: Partial<SecurityGroupRule>, protocol?: string, ports?: SecurityGroupRule['ports']): SecurityGroupRule => ({
  direction: 'ingress',
  order,
  ...(protocol === undefined ? {} : { protocol }),
  ...(ports === undefined ? {} : { ports }),
  action,
  line: (line += 1),
  ...peer,
});
const group = (securityGroupId: string, rules: SecurityGroupRule[]): ChainGroup => ({ securityGroupId, rules, line: 1, source: { file: `cloud/tencent-security-groups-node-${securityGroupId}.json`, line: 1 } });
const cidr = (c: string) => ({ cidr: c });
const ALL: [number, number][] = [[1, 65535]];
/** Parts as `[cidrs, ports, deciding line or 'default']`. */
const brief = (parts: Array<{ cidrs: string[]; ports: [number, number][]; rule?: { line: number } }>) => parts.map((p) => [p.cidrs.join(' '), p.ports.map((r) => r.join('-')).join(' '), p.rule?.line ?? 'default']);

describe('securityGroupAdmits', () => {
  it('lets a DROP of port 22 from 0.0.0.0/0 win over a later ACCEPT ALL, for TCP only', () => {
    const drop22 = rule(0, 'drop', cidr('0.0.0.0/0'), 'tcp', [[22, 22]]);
    const acceptAll = rule(1, 'accept', cidr('0.0.0.0/0'), 'all', 'all');
    const sg = [group('sg-5ksl9t3m', [drop22, acceptAll])];
    const tcp = securityGroupAdmits(sg, { protocol: 'tcp', cidrs: ['10.0.0.0/16'], ports: ALL });
    expect(brief(tcp.admitted)).toEqual([['10.0.0.0/16', '1-21 23-65535', acceptAll.line]]);
    expect(brief(tcp.notAdmitted)).toEqual([['10.0.0.0/16', '22-22', drop22.line]]);
    expect(tcp.notAdmitted[0]?.rule).toEqual({ securityGroupId: 'sg-5ksl9t3m', order: 0, action: 'drop', line: drop22.line, file: 'cloud/tencent-security-groups-node-sg-5ksl9t3m.json' });
    const udp = securityGroupAdmits(sg, { protocol: 'udp', cidrs: ['10.0.0.0/16'], ports: ALL });
    expect(brief(udp.admitted)).toEqual([['10.0.0.0/16', '1-65535', acceptAll.line]]);
    expect(udp.notAdmitted).toEqual([]);
  });

  it('evaluates by PolicyIndex, not by position in the list, and splits overlapping CIDRs exactly', () => {
    const acceptHalf = rule(0, 'accept', cidr('172.16.0.0/17'), 'tcp', 'all');
    const dropAll = rule(1, 'drop', cidr('172.16.0.0/16'), 'all', 'all');
    const acceptWide = rule(2, 'accept', cidr('0.0.0.0/0'), 'all', 'all');
    const result = securityGroupAdmits([group('sg-a', [acceptWide, dropAll, acceptHalf])], { protocol: 'tcp', cidrs: ['172.16.0.0/16', '10.0.0.0/16'], ports: ALL });
    expect(brief(result.admitted)).toEqual([
      ['172.16.0.0/17', '1-65535', acceptHalf.line],
      ['10.0.0.0/16', '1-65535', acceptWide.line],
    ]);
    expect(brief(result.notAdmitted)).toEqual([['172.16.128.0/17', '1-65535', dropAll.line]]);
  });

  it('joins port lists and ranges of several rules and drops what none matches', () => {
    const low = rule(0, 'accept', cidr('0.0.0.0/0'), 'tcp', [[30000, 31000]]);
    const high = rule(1, 'accept', cidr('0.0.0.0/0'), 'tcp', [[31001, 32000], [32500, 32500]]);
    const result = securityGroupAdmits([group('sg-a', [low, high])], { protocol: 'tcp', cidrs: ['0.0.0.0/0'], ports: [[30000, 32768]] });
    expect(brief(result.admitted)).toEqual([
      ['0.0.0.0/0', '30000-31000', low.line],
      ['0.0.0.0/0', '31001-32000 32500-32500', high.line],
    ]);
    expect(brief(result.notAdmitted)).toEqual([['0.0.0.0/0', '32001-32499 32501-32768', 'default']]);
  });

  it('matches protocol ALL for TCP and UDP but not UDP or ICMP rules for TCP', () => {
    const udp = rule(0, 'accept', cidr('10.0.0.0/8'), 'udp', 'all');
    const icmp = rule(1, 'accept', cidr('10.0.0.0/8'), 'icmp', 'all');
    const sg = [group('sg-a', [udp, icmp])];
    expect(brief(securityGroupAdmits(sg, { protocol: 'tcp', cidrs: ['10.1.0.0/16'], ports: [[443, 443]] }).notAdmitted)).toEqual([['10.1.0.0/16', '443-443', 'default']]);
    expect(brief(securityGroupAdmits(sg, { protocol: 'udp', cidrs: ['10.1.0.0/16'], ports: [[53, 53]] }).admitted)).toEqual([['10.1.0.0/16', '53-53', udp.line]]);
  });

  it('ignores IPv6 rules for IPv4 sources, and egress rules altogether', () => {
    const v6 = rule(0, 'accept', { ipv6Cidr: '::/0' }, 'all', 'all');
    const egress: SecurityGroupRule = { ...rule(0, 'accept', cidr('0.0.0.0/0'), 'all', 'all'), direction: 'egress' };
    const sg = [group('sg-a', [v6, egress])];
    expect(brief(securityGroupAdmits(sg, { protocol: 'tcp', cidrs: ['10.0.0.12/32'], ports: ALL }).notAdmitted)).toEqual([['10.0.0.12/32', '1-65535', 'default']]);
    expect(brief(securityGroupAdmits(sg, { protocol: 'tcp', cidrs: ['fd00::12/128'], ports: ALL }).admitted)).toEqual([['fd00::12/128', '1-65535', v6.line]]);
  });

  it('goes through several groups in binding order: a DROP in the first wins, no match falls through', () => {
    const first = group('sg-first', [rule(0, 'drop', cidr('10.0.1.0/24'), 'all', 'all')]);
    const second = group('sg-second', [rule(0, 'accept', cidr('10.0.0.0/16'), 'all', 'all')]);
    const result = securityGroupAdmits([first, second], { protocol: 'udp', cidrs: ['10.0.0.0/16'], ports: [[8472, 8472]] });
    expect(result.notAdmitted.map((p) => [p.cidrs, p.rule?.securityGroupId])).toEqual([[['10.0.1.0/24'], 'sg-first']]);
    expect(result.admitted.map((p) => [p.cidrs, p.rule?.securityGroupId])).toEqual([
      [['10.0.0.0/24', '10.0.2.0/23', '10.0.4.0/22', '10.0.8.0/21', '10.0.16.0/20', '10.0.32.0/19', '10.0.64.0/18', '10.0.128.0/17'], 'sg-second'],
    ]);
  });

  it('admits nothing from an empty group', () => {
    const result = securityGroupAdmits([group('sg-a', [])], { protocol: 'tcp', cidrs: ['0.0.0.0/0'], ports: [[443, 443]] });
    expect(result).toEqual({ admitted: [], notAdmitted: [{ cidrs: ['0.0.0.0/0'], ports: [[443, 443]] }], undetermined: [] });
  });

  it('keeps outcomes that an unresolved rule could change apart, and only those', () => {
    const peerAccept = rule(0, 'accept', { peerSecurityGroupId: 'sg-0q4vzmrk' }, 'tcp', [[53, 53]]);
    const templateDrop = rule(1, 'drop', { addressTemplate: 'ipmg-2uw6ujo6' }, 'all', 'all');
    const serviceTemplate = rule(2, 'accept', { cidr: '10.0.0.0/16', serviceTemplate: 'ppm-f5n1f8da' });
    const acceptVpc = rule(3, 'accept', cidr('10.0.0.0/16'), 'tcp', [[80, 80]]);
    const result = securityGroupAdmits([group('sg-a', [peerAccept, templateDrop, serviceTemplate, acceptVpc])], {
      protocol: 'tcp',
      cidrs: ['10.0.0.0/16'],
      ports: [[53, 53], [80, 80], [443, 443]],
    });
    // Port 80 is accepted at the end, but the address template's DROP may have taken it first.
    // Ports 53 and 443 end up dropped, but the peer group's or the service template's ACCEPT may have matched.
    expect(result.admitted).toEqual([]);
    expect(result.notAdmitted).toEqual([]);
    expect(result.undetermined.map((p) => [p.cidrs.join(' '), p.ports.map((r) => r.join('-')).join(' '), p.rules.map((r) => r.order)])).toEqual([
      ['10.0.0.0/16', '80-80', [1]],
      ['10.0.0.0/16', '443-443', [2]],
      ['10.0.0.0/16', '53-53', [0, 2]],
    ]);
  });

  it('stays certain when every unresolved rule on the way agrees with the outcome', () => {
    const peerAccept = rule(0, 'accept', { peerSecurityGroupId: 'sg-0q4vzmrk' }, 'all', 'all');
    const acceptAll = rule(1, 'accept', cidr('0.0.0.0/0'), 'all', 'all');
    const result = securityGroupAdmits([group('sg-a', [peerAccept, acceptAll])], { protocol: 'tcp', cidrs: ['172.16.0.0/16'], ports: ALL });
    expect(brief(result.admitted)).toEqual([['172.16.0.0/16', '1-65535', acceptAll.line]]);
    expect(result.undetermined).toEqual([]);
  });
});

