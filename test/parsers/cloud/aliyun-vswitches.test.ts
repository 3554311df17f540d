import { describe, expect, it } from 'vitest';
import { AliyunVSwitchesValue, aliyunVswitchesParser, parseAliyunVswitches } from '../../../src/parsers/cloud/aliyun-vswitches.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('aliyun-vswitches', name);
const common = { vpcId: 'vpc-bp1qpo0kug3a20qqe2x0o', status: 'Available', routeTableId: 'vtb-bp145q7glnuzdvzu2h6q9', routeTableType: 'System' };

describe('aliyun-vswitches parser', () => {
  it('reads a DescribeVSwitches response as the aliyun CLI prints it (tab-indented)', () => {
    const { value, diagnostics } = parseAliyunVswitches(fixture('terway-three-zones.json'), { file: 'cloud/aliyun-vswitches.json' });
    expect(diagnostics).toEqual([]);
    expect(value.vswitches).toEqual([
      { ...common, vswitchId: 'vsw-bp1s5fnvk4gn2tws03624', zoneId: 'cn-hangzhou-i', cidr: '192.168.32.0/19', availableIpCount: 0, name: 'terway-pod-i', line: 8 },
      {
        ...common,
        vswitchId: 'vsw-bp1k3r8l9sd0aqxyz0a7w',
        zoneId: 'cn-hangzhou-j',
        cidr: '192.168.64.0/19',
        ipv6Cidr: '2408:4005:3c5:4e03::/64',
        availableIpCount: 8176,
        name: 'terway-pod-j',
        line: 32,
      },
      { ...common, vswitchId: 'vsw-bp19p2kduxq6f1w9tqkyb', zoneId: 'cn-hangzhou-i', cidr: '192.168.0.0/24', availableIpCount: 241, name: 'k8s-node-i', line: 56 },
      {
        ...common,
        vswitchId: 'vsw-bp1d4tj2o3ljk5o8oy5mc',
        zoneId: 'cn-hangzhou-k',
        cidr: '192.168.96.0/19',
        availableIpCount: 8187,
        status: 'Pending',
        name: 'terway-pod-k',
        routeTableId: 'vtb-bp1rvjs9fk0x1w8r2n4xd',
        routeTableType: 'Custom',
        line: 80,
      },
    ]);
    expect(AliyunVSwitchesValue.parse(value)).toEqual(value);
  });

  it('reads several pages saved as one JSON list', () => {
    const { value, diagnostics } = parseAliyunVswitches(fixture('pages-list.json'));
    expect(diagnostics).toEqual([]);
    expect(value.vswitches.map(({ vswitchId, zoneId, cidr, line }) => ({ vswitchId, zoneId, cidr, line }))).toEqual([
      { vswitchId: 'vsw-uf6hh2v3w2xk7yqj4p8rr', zoneId: 'cn-shanghai-b', cidr: '10.0.0.0/24', line: 9 },
      { vswitchId: 'vsw-uf6k8t5n2r1m0q9w7e6xz', zoneId: 'cn-shanghai-e', cidr: '10.0.8.0/21', line: 43 },
    ]);
  });

  it('reads the bare VSwitch list (--output cols aside, a jq-extracted list) and CRLF', () => {
    const text = '[\r\n  {"VSwitchId": "vsw-1", "CidrBlock": "10.1.0.0/16", "AvailableIpAddressCount": "65531"}\r\n]\r\n';
    expect(parseAliyunVswitches(text)).toEqual({
      value: { vswitches: [{ vswitchId: 'vsw-1', cidr: '10.1.0.0/16', availableIpCount: 65531, line: 2 }] },
      diagnostics: [],
    });
  });

  it('keeps the vSwitches before a cut and says where the file was cut', () => {
    const { value, diagnostics } = parseAliyunVswitches(fixture('broken-truncated.json'), { file: 'cloud/aliyun-vswitches.json' });
    expect(value.vswitches.map((v) => v.vswitchId)).toEqual(['vsw-bp1s5fnvk4gn2tws03624']);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'truncated-json',
        message: 'the JSON ends before it is complete; vSwitch entries after this line are missing',
        file: 'cloud/aliyun-vswitches.json',
        line: 31,
      },
    ]);
  });

  it('reports CLI error text, API error JSON, entries without an id and invalid CIDRs without quoting them', () => {
    expect(brief(parseAliyunVswitches('ERROR: SDK.ServerError\nErrorCode: Forbidden.RAM\n').diagnostics)).toEqual([
      { severity: 'error', code: 'cloud-not-json', line: 1 },
    ]);
    const apiError = '{\n  "Code": "InvalidVpcId.NotFound",\n  "Message": "Specified VPC does not exist.",\n  "RequestId": "x"\n}';
    expect(brief(parseAliyunVswitches(apiError).diagnostics)).toEqual([{ severity: 'error', code: 'cloud-api-error', line: 1 }]);
    const bad = '{"VSwitches": {"VSwitch": [\n{"VpcId": "vpc-1"},\n{"VSwitchId": "vsw-2", "CidrBlock": "10.1.0.0/33"}\n]}}';
    const { value, diagnostics } = parseAliyunVswitches(bad);
    expect(value.vswitches).toEqual([{ vswitchId: 'vsw-2', cidr: '10.1.0.0/33', line: 3 }]);
    expect(brief(diagnostics)).toEqual([
      { severity: 'warning', code: 'vswitch-without-id', line: 2 },
      { severity: 'warning', code: 'invalid-cidr', line: 3 },
    ]);
    expect(JSON.stringify(diagnostics)).not.toContain('10.1.0.0/33');
    expect(brief(parseAliyunVswitches('').diagnostics)).toEqual([{ severity: 'error', code: 'empty-input', line: undefined }]);
  });

  it('parses its own documentation example', () => {
    expect(aliyunVswitchesParser.parse(aliyunVswitchesParser.example).diagnostics).toEqual([]);
  });
});
