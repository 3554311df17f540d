import { describe, expect, it } from 'vitest';
import { HnsEndpointsValue, hnsEndpointsParser, parseHnsEndpoints } from '../../../src/parsers/windows/hns-endpoints.js';
import { commandName, sniffCommand } from '../../../src/snapshot/classify-file.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('hns-endpoints', name);

describe('hns-endpoints parser', () => {
  it('reads local and remote overlay endpoints with their OutBoundNAT ExceptionList', () => {
    const { value, diagnostics } = parseHnsEndpoints(fixture('ps51-overlay.json'), { file: 'nodes/w1/hns-endpoints.json' });
    expect(diagnostics).toEqual([]);
    expect(value.endpoints[0]).toEqual({
      name: 'Ethernet',
      id: '26DCB6EE-F66B-4AB8-98D2-8223F769894A',
      ipAddress: '10.244.3.7',
      prefixLength: 24,
      macAddress: '0E-2A-0a-f4-03-07',
      virtualNetworkName: 'vxlan0',
      virtualNetworkId: '705B6B4D-E2F2-421A-B31B-E3C5E8831944',
      isRemoteEndpoint: false,
      policyTypes: ['OutBoundNAT', 'ROUTE'],
      outboundNat: true,
      exceptionList: ['10.244.0.0/16', '10.96.0.0/12'],
      line: 2,
    });
    expect(value.endpoints[2]).toMatchObject({ name: 'remote_10.244.1.141', ipAddress: '10.244.1.141', isRemoteEndpoint: true, policyTypes: ['PA'], outboundNat: false, line: 80 });
    expect(value.byNetwork).toEqual([{ network: 'vxlan0', local: 2, remote: 1 }]);
    expect(HnsEndpointsValue.parse(value)).toEqual(value);
  });

  it('reads a single l2bridge endpoint object', () => {
    const { value, diagnostics } = parseHnsEndpoints(fixture('ps51-l2bridge-single.json'));
    expect(diagnostics).toEqual([]);
    expect(value.endpoints.map((e) => [e.virtualNetworkName, e.ipAddress, e.exceptionList, e.policyTypes])).toEqual([
      ['cbr0', '10.244.3.12', ['10.244.0.0/16', '10.96.0.0/12', '10.127.130.0/24'], ['OutBoundNAT', 'ROUTE', 'ROUTE']],
    ]);
    expect(value.byNetwork).toEqual([{ network: 'cbr0', local: 1, remote: 0 }]);
  });

  it('reads HCN v2 endpoints: IpConfigurations, Settings.Exceptions and the remote flag', () => {
    const text = JSON.stringify([
      {
        ID: 'a1', Name: 'Ethernet', HostComputeNetwork: 'n1', MacAddress: '00-15-5D-9C-31-07', Flags: 0,
        IpConfigurations: [{ IpAddress: '10.244.2.7', PrefixLength: 24 }],
        Policies: [{ Type: 'OutBoundNAT', Settings: { Exceptions: ['10.244.0.0/16'] } }],
      },
      { ID: 'a2', Name: 'remote', HostComputeNetwork: 'n1', Flags: 1, IpConfigurations: [{ IpAddress: '10.244.1.9' }] },
    ]);
    const { value } = parseHnsEndpoints(text);
    expect(value.endpoints.map((e) => [e.ipAddress, e.prefixLength, e.isRemoteEndpoint, e.exceptionList])).toEqual([
      ['10.244.2.7', 24, false, ['10.244.0.0/16']],
      ['10.244.1.9', undefined, true, []],
    ]);
    expect(value.byNetwork).toEqual([{ network: 'n1', local: 1, remote: 1 }]);
  });

  it('says a table was captured instead of JSON, and reports a cut file with its line', () => {
    expect(parseHnsEndpoints(fixture('broken-table-not-json.txt'), { file: 'e.txt' })).toEqual({
      value: { endpoints: [], byNetwork: [] },
      diagnostics: [
        {
          severity: 'error',
          code: 'not-json',
          message: 'not ConvertTo-Json output (a table or list?); capture Get-HnsEndpoint | ConvertTo-Json -Depth 10',
          file: 'e.txt',
          line: 1,
        },
      ],
    });
    const cut = fixture('ps51-overlay.json').split('\n').slice(0, 30).join('\n');
    expect(brief(parseHnsEndpoints(cut).diagnostics)).toEqual([{ severity: 'error', code: 'syntax', line: 31 }]);
  });

  it('is recognised by content, and its example parses cleanly', () => {
    expect(sniffCommand(fixture('ps51-overlay.json'))).toBe('hns-endpoints');
    expect(sniffCommand(fixture('ps51-l2bridge-single.json'))).toBe('hns-endpoints');
    expect(commandName('hns-endpoint.json')).toBe('hns-endpoints');
    const { value, diagnostics } = hnsEndpointsParser.parse(hnsEndpointsParser.example);
    expect(diagnostics).toEqual([]);
    expect(value.byNetwork).toEqual([{ network: 'vxlan0', local: 1, remote: 1 }]);
  });
});
