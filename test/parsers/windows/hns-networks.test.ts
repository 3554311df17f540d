import { describe, expect, it } from 'vitest';
import { HnsNetworksValue, hnsNetworksParser, parseHnsNetworks } from '../../../src/parsers/windows/hns-networks.js';
import { commandName, sniffCommand } from '../../../src/snapshot/classify-file.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('hns-networks', name);

describe('hns-networks parser', () => {
  it('reads a PowerShell 5.1 array (CRLF) of an l2bridge node', () => {
    const { value, diagnostics } = parseHnsNetworks(fixture('ps51-l2bridge-array.json'), { file: 'nodes/w1/hns-networks.json' });
    expect(diagnostics).toEqual([]);
    expect(value.networks).toEqual([
      { name: 'nat', type: 'nat', id: 'B4E14E41-5EE4-441A-9675-138F88C43DB0', subnets: [{ addressPrefix: '172.25.192.0/20', gatewayAddress: '172.25.192.1' }], policyTypes: [], schema: 'v1', line: 40 },
      {
        name: 'cbr0',
        type: 'L2Bridge',
        id: '7A5B2C91-4E3F-4D1A-B6C2-9E8F7D6C5B4A',
        subnets: [{ addressPrefix: '10.244.3.0/24', gatewayAddress: '10.244.3.1' }],
        managementIp: '10.127.130.21',
        networkAdapterName: 'Ethernet',
        policyTypes: [],
        schema: 'v1',
        line: 108,
      },
    ]);
    expect(HnsNetworksValue.parse(value)).toEqual(value);
  });

  it('reads a single object (one network) as a list of one', () => {
    const { value, diagnostics } = parseHnsNetworks(fixture('ps51-single-nat-only.json'));
    expect(diagnostics).toEqual([]);
    expect(value.networks.map((n) => [n.name, n.type, n.line])).toEqual([['nat', 'nat', 39]]);
  });

  it('unwraps ConvertTo-Json -InputObject\'s { value, Count } and reads overlay policies', () => {
    const { value, diagnostics } = parseHnsNetworks(fixture('ps51-value-count-overlay.json'));
    expect(diagnostics).toEqual([]);
    expect(value.networks.map((n) => n.name)).toEqual(['nat', 'External', 'vxlan0']);
    expect(value.networks[2]).toEqual({
      name: 'vxlan0',
      type: 'Overlay',
      id: '705B6B4D-E2F2-421A-B31B-E3C5E8831944',
      subnets: [{ addressPrefix: '10.244.3.0/24', gatewayAddress: '10.244.3.1' }],
      managementIp: '10.1.36.50',
      drMacAddress: '00-15-5D-BB-6E-B1',
      policyTypes: ['RemoteSubnetRoute'],
      schema: 'v1',
      line: 182,
    });
  });

  it('reads HCN v2 objects: Ipams subnets, gateway from the default route, Settings of policies', () => {
    const { value, diagnostics } = parseHnsNetworks(fixture('hcn-v2-flannel-4096.json'));
    expect(diagnostics).toEqual([]);
    expect(value.networks).toEqual([
      {
        name: 'flannel.4096',
        type: 'Overlay',
        id: '6C6E4A9B-1F3D-4E28-9C5B-7A0D2E4F6B81',
        subnets: [{ addressPrefix: '10.244.2.0/24', gatewayAddress: '10.244.2.1' }],
        drMacAddress: '00-15-5D-9C-31-01',
        networkAdapterName: 'Ethernet 2',
        policyTypes: ['NetAdapterName', 'DrMacAddress', 'ProviderAddress'],
        schema: 'v2',
        line: 4,
      },
    ]);
  });

  it('keeps names from a capture cut at the default -Depth and says how to capture it', () => {
    const { value, diagnostics } = parseHnsNetworks(fixture('broken-default-depth.json'), { file: 'hns-networks.json' });
    expect(value.networks.map((n) => [n.name, n.subnets])).toEqual([
      ['nat', []],
      ['cbr0', []],
    ]);
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'powershell-depth-truncated',
        message: expect.stringContaining('ConvertTo-Json -Depth 10'),
        file: 'hns-networks.json',
        line: 9,
      },
    ]);
  });

  it('reports a cut file with its line, and a table captured instead of JSON', () => {
    expect(brief(parseHnsNetworks(fixture('broken-cut.json')).diagnostics)).toEqual([{ severity: 'error', code: 'syntax', line: 61 }]);
    expect(brief(parseHnsNetworks('Name Type\r\n---- ----\r\ncbr0 L2Bridge\r\n').diagnostics)).toEqual([{ severity: 'error', code: 'not-json', line: 1 }]);
  });

  it('reads an empty capture as no networks, with a note', () => {
    expect(parseHnsNetworks('\r\n')).toEqual({
      value: { networks: [] },
      diagnostics: [{ severity: 'info', code: 'empty-output', message: 'the file is empty: Get-HnsNetwork returned no objects' }],
    });
  });

  it('decodes PowerShell 5.1 \\u0027 escapes and matches field names case-insensitively', () => {
    const text = '{\r\n    "name":  "Bob\\u0027s switch",\r\n    "type":  "Transparent"\r\n}\r\n';
    expect(parseHnsNetworks(text).value.networks).toEqual([{ name: "Bob's switch", type: 'Transparent', subnets: [], policyTypes: [], schema: 'v1', line: 2 }]);
  });

  it('is recognised by content under another file name, and its example parses cleanly', () => {
    expect(sniffCommand(fixture('ps51-l2bridge-array.json'))).toBe('hns-networks');
    expect([commandName('hns-networks.json'), commandName('hns-network.json')]).toEqual(['hns-networks', 'hns-networks']);
    const { value, diagnostics } = hnsNetworksParser.parse(hnsNetworksParser.example);
    expect(diagnostics).toEqual([]);
    expect(value.networks.map((n) => n.name)).toEqual(['cbr0']);
  });
  it('reads several Format-List blocks; a collection PowerShell cut after $FormatEnumerationLimit items is reported', () => {
    // Two networks as plain Get-HnsNetwork prints them (the layout of test/fixtures/outputs/hns-networks/real-sdn-kubecluster-format-list.txt),
    // the second with more RemoteSubnetRoute policies than the 4 PowerShell lists, so its Policies end in `...}`.
    const text = [
      'ID                     : B5083512-BE1D-4326-B58F-56CA5154E8D5',
      'Name                   : nat',
      'Policies               : {}',
      'Subnets                : {@{AddressPrefix=172.29.144.0/20; GatewayAddress=172.29.144.1}}',
      'Type                   : nat',
      '',
      'ID                     : 705B6B4D-E2F2-421A-B31B-E3C5E8831944',
      'Name                   : vxlan0',
      'Policies               : {@{Type=HostRoute}, @{DestinationPrefix=10.244.0.0/24; IsolationId=4096; Type=RemoteSubnetRoute}, @{DestinationPrefix=10.244.2.0/24;',
      '                         IsolationId=4096; Type=RemoteSubnetRoute}, @{DestinationPrefix=10.244.3.0/24; IsolationId=4096; Type=RemoteSubnetRoute}...}',
      'Subnets                : {@{AddressPrefix=10.244.1.0/24; GatewayAddress=10.244.1.1}}',
      'Type                   : Overlay',
      '',
    ].join('\r\n');
    const { value, diagnostics } = parseHnsNetworks(text, { file: 'n.txt' });
    expect(value.networks.map((n) => [n.name, n.type, n.subnets.map((x) => x.addressPrefix).join(), n.policyTypes.join(), n.line])).toEqual([
      ['nat', 'nat', '172.29.144.0/20', '', 2],
      ['vxlan0', 'Overlay', '10.244.1.0/24', 'HostRoute,RemoteSubnetRoute,RemoteSubnetRoute,RemoteSubnetRoute', 8],
    ]);
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'powershell-list-cut',
        message: 'PowerShell listed only the first 4 Policies of network vxlan0 (the list ends in "..."); capture Get-HnsNetwork | ConvertTo-Json -Depth 10 for all of them',
        file: 'n.txt',
        line: 9,
      },
    ]);
  });
});
