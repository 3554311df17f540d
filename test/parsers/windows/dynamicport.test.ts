import { describe, expect, it } from 'vitest';
import { DynamicPortValue, dynamicportParser, parseDynamicport } from '../../../src/parsers/windows/dynamicport.js';
import { commandName, sniffCommand } from '../../../src/snapshot/classify-file.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('dynamicport', name);
const defaultTcp = { protocol: 'tcp', start: 49152, count: 16384, end: 65535, isDefault: true, line: 2 };

describe('dynamicport parser', () => {
  it('reads the default TCP range (CRLF, blank lines around)', () => {
    const { value, diagnostics } = parseDynamicport(fixture('default-tcp.txt'));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({ ranges: [defaultTcp], tcp: defaultTcp });
    expect(DynamicPortValue.parse(value)).toEqual(value);
  });

  it('reads TCP and UDP blocks of CollectLogs\' dynamicportrange.txt after the range was widened', () => {
    const { value, diagnostics } = parseDynamicport(fixture('collectlogs-tcp-udp.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.ranges).toEqual([
      { protocol: 'tcp', start: 10000, count: 55535, end: 65534, isDefault: false, line: 2 },
      { protocol: 'udp', start: 49152, count: 16384, end: 65535, isDefault: true, line: 8 },
    ]);
    expect(value.tcp?.start).toBe(10000);
  });

  it('reads translated labels by position', () => {
    const text = '\n协议 tcp 动态端口范围\n---------------------------------\n启动端口        : 49152\n端口数          : 16384\n';
    expect(parseDynamicport(text).value.tcp).toEqual(defaultTcp);
  });

  it('reports a cut block and the cut line', () => {
    const { value, diagnostics } = parseDynamicport(fixture('broken-cut.txt'), { file: 'dynamicport' });
    expect(value).toEqual({ ranges: [] });
    expect(brief(diagnostics)).toEqual([
      { severity: 'warning', code: 'dynamicport-incomplete', line: 2 },
      { severity: 'error', code: 'unrecognised-input', line: undefined },
      { severity: 'warning', code: 'unrecognised-line', line: 5 },
    ]);
  });

  it('is sniffed, and its example parses cleanly', () => {
    expect(sniffCommand(fixture('default-tcp.txt'))).toBe('dynamicport');
    expect(commandName('dynamicportrange.txt')).toBe('dynamicport');
    expect(dynamicportParser.parse(dynamicportParser.example)).toEqual({ value: { ranges: [defaultTcp], tcp: defaultTcp }, diagnostics: [] });
  });
});
