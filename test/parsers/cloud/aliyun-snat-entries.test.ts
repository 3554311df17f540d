import { describe, expect, it } from 'vitest';
import { AliyunSnatEntriesValue, aliyunSnatEntriesParser, parseAliyunSnatEntries } from '../../../src/parsers/cloud/aliyun-snat-entries.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('aliyun-snat-entries', name);

describe('aliyun-snat-entries parser', () => {
  it('reads per-vSwitch and per-CIDR SNAT entries of one NAT gateway, splitting multi-EIP entries', () => {
    const { value, diagnostics } = parseAliyunSnatEntries(fixture('vswitch-entries.json'), { file: 'cloud/aliyun-snat-entries.json' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      natGateways: [
        {
          natGatewayId: 'ngw-bp1uewa15k4iy5770yt8s',
          snatTableId: 'stb-bp1xg8axl4mf2gwgbgoab',
          snatEntries: [
            {
              snatEntryId: 'snat-bp1vcgcf8tm0plqcg6l5d',
              sourceVSwitchId: 'vsw-bp19p2kduxq6f1w9tqkyb',
              sourceCidr: '192.168.0.0/24',
              snatIps: ['47.98.41.166'],
              status: 'Available',
              name: 'k8s-node-i',
              line: 8,
            },
            {
              snatEntryId: 'snat-bp16l3k9p0xvy1w2q3e4r',
              sourceVSwitchId: 'vsw-bp1k3r8l9sd0aqxyz0a7w',
              sourceCidr: '192.168.64.0/19',
              snatIps: ['47.98.41.166', '47.98.45.12'],
              status: 'Available',
              name: 'terway-pod-j',
              line: 19,
            },
            // SourceVSwitchId is "" when the entry was made for a CIDR block.
            { snatEntryId: 'snat-bp1a9s8d7f6g5h4j3k2l1z', sourceCidr: '192.168.96.0/19', snatIps: ['47.98.45.12'], status: 'Pending', name: 'pod-k-by-cidr', line: 30 },
          ],
        },
      ],
    });
    expect(AliyunSnatEntriesValue.parse(value)).toEqual(value);
  });

  it('groups a bare list of entries from two NAT gateways per gateway', () => {
    const { value, diagnostics } = parseAliyunSnatEntries(fixture('two-gateways-bare-list.json'));
    expect(diagnostics).toEqual([]);
    expect(value.natGateways.map((g) => [g.natGatewayId, g.snatEntries.map((e) => [e.snatEntryId, e.sourceVSwitchId, e.line])])).toEqual([
      ['ngw-uf6a1s2d3f4g5h6j7k8l9', [['snat-uf6q1w2e3r4t5y6u7i8o9', 'vsw-uf6hh2v3w2xk7yqj4p8rr', 2]]],
      ['ngw-uf6m1n2b3v4c5x6z7a8s9', [['snat-uf6p0o9i8u7y6t5r4e3w2', undefined, 13]]],
    ]);
  });

  it('reads an empty SNAT table from CRLF output', () => {
    const text = '{\r\n\t"SnatTableEntries": {\r\n\t\t"SnatTableEntry": []\r\n\t},\r\n\t"TotalCount": 0\r\n}\r\n';
    expect(parseAliyunSnatEntries(text)).toEqual({ value: { natGateways: [] }, diagnostics: [] });
  });

  it('says when the file holds another command’s output', () => {
    const { value, diagnostics } = parseAliyunSnatEntries(fixture('broken-nat-gateways.json'), { file: 'cloud/aliyun-snat-entries.json' });
    expect(value).toEqual({ natGateways: [] });
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'cloud-list-missing',
        message: 'no SNAT entry list at SnatTableEntries.SnatTableEntry',
        file: 'cloud/aliyun-snat-entries.json',
        line: 1,
      },
    ]);
    expect(brief(parseAliyunSnatEntries('[{"SnatEntryId": ""}]').diagnostics)).toEqual([
      { severity: 'warning', code: 'snat-entry-without-id', line: 1 },
    ]);
  });

  it('parses its own documentation example', () => {
    expect(aliyunSnatEntriesParser.parse(aliyunSnatEntriesParser.example).diagnostics).toEqual([]);
  });
});
