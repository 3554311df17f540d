import { describe, expect, it } from 'vitest';
import { parseTencentSecurityGroups, TencentSecurityGroupsValue, tencentSecurityGroupsParser } from '../../../src/parsers/cloud/tencent-security-groups.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('tencent-security-groups', name);

describe('tencent-security-groups parser', () => {
  it('normalises a TKE node security group as tccli prints it, naming the group from the file name', () => {
    const file = 'cloud/tencent-security-groups-sg-5ksl9t3m.json';
    const { value, diagnostics } = parseTencentSecurityGroups(fixture('tccli-node-sg.json'), { file });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      securityGroups: [
        {
          securityGroupId: 'sg-5ksl9t3m',
          version: '7',
          line: 1,
          rules: [
            { direction: 'ingress', order: 0, protocol: 'all', ports: 'all', cidr: '172.16.0.0/16', action: 'accept', description: 'TKE container CIDR', line: 45 },
            { direction: 'ingress', order: 1, protocol: 'all', ports: 'all', cidr: '10.0.0.0/16', action: 'accept', description: 'VPC CIDR', line: 64 },
            { direction: 'ingress', order: 2, protocol: 'tcp', ports: [[30000, 32768]], cidr: '0.0.0.0/0', action: 'accept', description: 'NodePort', line: 83 },
            { direction: 'ingress', order: 3, protocol: 'tcp', ports: [[22, 22]], cidr: '203.0.113.0/24', action: 'accept', description: 'ops ssh', line: 102 },
            { direction: 'ingress', order: 4, protocol: 'icmp', ports: 'all', cidr: '0.0.0.0/0', action: 'accept', line: 121 },
            { direction: 'ingress', order: 5, protocol: 'all', ports: 'all', cidr: '0.0.0.0/0', action: 'drop', description: 'deny the rest', line: 140 },
            { direction: 'egress', order: 0, protocol: 'all', ports: 'all', cidr: '0.0.0.0/0', action: 'accept', line: 5 },
            { direction: 'egress', order: 1, protocol: 'all', ports: 'all', ipv6Cidr: '::/0', action: 'accept', line: 24 },
          ],
        },
      ],
    });
    expect(TencentSecurityGroupsValue.parse(value)).toEqual(value);
    // Without an sg id in the file name the group stays unnamed.
    expect(parseTencentSecurityGroups(fixture('tccli-node-sg.json')).value.securityGroups[0]?.securityGroupId).toBeUndefined();
  });

  it('reads a list of groups with SecurityGroupId, port lists, templates, peer groups and the Response wrapper', () => {
    const { value, diagnostics } = parseTencentSecurityGroups(fixture('array-of-groups.json'));
    expect(diagnostics).toEqual([]);
    expect(value.securityGroups.map((g) => [g.securityGroupId, g.version, g.line])).toEqual([
      ['sg-5ksl9t3m', '12', 4],
      ['sg-7hw2mgu1', '1', 71],
    ]);
    expect(value.securityGroups[0]?.rules).toEqual([
      { direction: 'ingress', order: 0, protocol: 'tcp', ports: [[80, 80], [443, 443]], cidr: '0.0.0.0/0', action: 'accept', description: 'web', line: 8 },
      // Protocol and ports come from the service template, so they are unknown here.
      { direction: 'ingress', order: 1, addressTemplate: 'ipmg-2uw6ujo6', serviceTemplate: 'ppm-f5n1f8da', action: 'accept', description: 'ports from template', line: 27 },
      { direction: 'ingress', order: 2, protocol: 'udp', ports: [[53, 53]], peerSecurityGroupId: 'sg-0q4vzmrk', action: 'accept', description: 'dns from cluster sg', line: 46 },
    ]);
    expect(value.securityGroups[1]?.rules.map((r) => [r.direction, r.order, r.ports, r.action])).toEqual([
      ['ingress', 0, [[30000, 32768]], 'accept'],
      ['ingress', 1, [[31000, 31000]], 'drop'],
      ['egress', 0, 'all', 'accept'],
    ]);
  });

  it('reads the API explorer form from CRLF text', () => {
    const text =
      '{"Response": {"SecurityGroupPolicySet": {"Version": "1",\r\n"Ingress": [{"Protocol": "UDP", "Port": "8472", "CidrBlock": "10.0.0.0/16", "Action": "ACCEPT"}],\r\n"Egress": []}, "RequestId": "r"}}\r\n';
    expect(parseTencentSecurityGroups(text)).toEqual({
      value: {
        securityGroups: [
          { version: '1', line: 1, rules: [{ direction: 'ingress', order: 0, protocol: 'udp', ports: [[8472, 8472]], cidr: '10.0.0.0/16', action: 'accept', line: 2 }] },
        ],
      },
      diagnostics: [],
    });
  });

  it('keeps readable rules of a garbled group and warns, by line, about the rest', () => {
    const { value, diagnostics } = parseTencentSecurityGroups(fixture('broken-bad-rules.json'), { file: 'sg.json' });
    expect(value.securityGroups[0]?.rules).toEqual([
      { direction: 'ingress', order: 0, protocol: 'tcp', cidr: '10.0.0.0/16', action: 'accept', line: 6 },
      { direction: 'ingress', order: 2, protocol: 'udp', ports: [[8472, 8472]], cidr: '10.0.0.0/16', action: 'accept', line: 44 },
    ]);
    expect(brief(diagnostics)).toEqual([
      { severity: 'warning', code: 'invalid-port', line: 6 },
      { severity: 'warning', code: 'invalid-action', line: 25 },
      { severity: 'warning', code: 'policies-not-a-list', line: 64 },
    ]);
    expect(brief(parseTencentSecurityGroups('{"SecurityGroupSet": []}').diagnostics)).toEqual([
      { severity: 'error', code: 'cloud-list-missing', line: 1 },
    ]);
  });

  it('parses its own documentation example', () => {
    expect(tencentSecurityGroupsParser.parse(tencentSecurityGroupsParser.example).diagnostics).toEqual([]);
  });
});
