import { describe, expect, it } from 'vitest';
import { NetAdaptersValue, isVEthernetOnEthernet, netAdaptersParser, parseNetAdapters } from '../../../src/parsers/windows/net-adapters.js';
import { commandName, sniffCommand } from '../../../src/snapshot/classify-file.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('net-adapters', name);

describe('net-adapters parser', () => {
  it('reads the Windows PowerShell 5.1 table (CRLF), marking a name cut with ...', () => {
    const { value, diagnostics } = parseNetAdapters(fixture('ps51-flannel-l2bridge.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.form).toBe('table');
    expect(value.adapters[0]).toEqual({
      name: 'vEthernet (Ethernet)',
      interfaceDescription: 'Hyper-V Virtual Ethernet Adapter #2',
      ifIndex: 14,
      status: 'Up',
      macAddress: '00-15-5D-8E-2C-11',
      linkSpeed: '10 Gbps',
      truncated: false,
      line: 4,
    });
    expect(value.adapters.map((a) => [a.name, a.truncated, a.line])).toEqual([
      ['vEthernet (Ethernet)', false, 4],
      ['vEthernet (nat)', false, 5],
      ['Ethernet', false, 6],
      ['vEthernet (Microsoft H', true, 7],
    ]);
    expect(NetAdaptersValue.parse(value)).toEqual(value);
  });

  it('reads a narrow PowerShell 7 table without LinkSpeed, cells cut with …', () => {
    const { value, diagnostics } = parseNetAdapters(fixture('ps7-narrow-nat-only.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.adapters.map((a) => [a.name, a.ifIndex, a.status, a.macAddress, a.linkSpeed, a.truncated])).toEqual([
      ['Ethernet 2', 7, 'Up', '0A-3F-19-C2-7D', undefined, true],
      ['vEthernet (nat)', 12, 'Up', '00-15-5D-A1-B2', undefined, true],
      ['Bluetooth Network Connec', 5, 'Disconnected', '58-1C-F8-AF', undefined, true],
    ]);
  });

  it('keeps columns aligned after localised names with wide characters', () => {
    const { value, diagnostics } = parseNetAdapters(fixture('zh-cn-localised.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.adapters.map((a) => [a.name, a.interfaceDescription, a.ifIndex, a.linkSpeed])).toEqual([
      ['vEthernet (以太网)', 'Hyper-V Virtual Ethernet Adapter #2', 16, '10 Gbps'],
      ['以太网', 'Intel(R) 82574L Gigabit Network Conn', 4, '1 Gbps'],
    ]);
    expect(value.adapters.map((a) => isVEthernetOnEthernet(a.name))).toEqual([false, false]);
  });

  it('reads Format-List and ConvertTo-Json captures', () => {
    const list = 'Name                 : vEthernet (Ethernet)\r\nInterfaceDescription : Hyper-V Virtual Ethernet Adapter #2\r\nifIndex              : 14\r\nStatus               : Up\r\n\r\nName                 : Ethernet\r\nifIndex              : 6\r\n';
    expect(parseNetAdapters(list).value).toEqual({
      form: 'list',
      adapters: [
        { name: 'vEthernet (Ethernet)', interfaceDescription: 'Hyper-V Virtual Ethernet Adapter #2', ifIndex: 14, status: 'Up', truncated: false, line: 1 },
        { name: 'Ethernet', ifIndex: 6, truncated: false, line: 6 },
      ],
    });
    const json = '{\r\n    "Name":  "vEthernet (Ethernet)",\r\n    "ifIndex":  14,\r\n    "Status":  "Up",\r\n    "MacAddress":  "00-15-5D-8E-2C-11"\r\n}\r\n';
    expect(parseNetAdapters(json).value.adapters).toEqual([{ name: 'vEthernet (Ethernet)', ifIndex: 14, status: 'Up', macAddress: '00-15-5D-8E-2C-11', truncated: false, line: 1 }]);
  });

  it('keeps the rows before a cut and warns about the cut line', () => {
    const { value, diagnostics } = parseNetAdapters(fixture('broken-cut.txt'));
    expect(value.adapters.map((a) => a.name)).toEqual(['vEthernet (Ethernet)']);
    expect(brief(diagnostics)).toEqual([{ severity: 'warning', code: 'unrecognised-line', line: 5 }]);
    expect(brief(parseNetAdapters('Get-NetAdapter : Access is denied.\n').diagnostics)).toEqual([{ severity: 'error', code: 'unrecognised-input', line: undefined }]);
  });

  it('matches the guide\'s vEthernet (Ethernet* pattern, is sniffed, and its example parses', () => {
    expect(['vEthernet (Ethernet)', 'vEthernet (Ethernet 2)', 'vEthernet (nat)', 'Ethernet'].map(isVEthernetOnEthernet)).toEqual([true, true, false, false]);
    expect(sniffCommand(fixture('ps51-flannel-l2bridge.txt'))).toBe('net-adapters');
    expect(commandName('netadapter.txt')).toBe('net-adapters');
    const { value, diagnostics } = netAdaptersParser.parse(netAdaptersParser.example);
    expect(diagnostics).toEqual([]);
    expect(value.adapters).toHaveLength(3);
  });
});
