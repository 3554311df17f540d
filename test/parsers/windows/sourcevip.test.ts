import { describe, expect, it } from 'vitest';
import { SourceVipValue, parseSourcevip, sourcevipParser } from '../../../src/parsers/windows/sourcevip.js';
import { commandName, sniffCommand } from '../../../src/snapshot/classify-file.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('sourcevip', name);

describe('sourcevip parser', () => {
  it('reads a CNI 0.2.0 host-local result (CRLF)', () => {
    const { value, diagnostics } = parseSourcevip(fixture('cni020.json'));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({ cniVersion: '0.2.0', address: '10.244.3.2', cidr: '10.244.3.2/24', gateway: '10.244.3.1', line: 4 });
    expect(SourceVipValue.parse(value)).toEqual(value);
  });

  it('reads a CNI 1.0.0 result with ips and interfaces', () => {
    expect(parseSourcevip(fixture('cni100-ips.json'))).toEqual({
      value: { cniVersion: '1.0.0', address: '10.244.2.2', cidr: '10.244.2.2/24', gateway: '10.244.2.1', mac: '00-15-5D-9C-31-02', line: 11 },
      diagnostics: [],
    });
  });

  it('reports a host-local error saved in place of a result, without quoting it', () => {
    const { value, diagnostics } = parseSourcevip(fixture('broken-ipam-error.json'), { file: 'SourceVip.json' });
    expect(value).toEqual({});
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'sourcevip-ipam-error',
        message: 'SourceVip.json holds a host-local error result, not an address; kube-proxy gets no source VIP',
        file: 'SourceVip.json',
        line: 1,
      },
    ]);
  });

  it('reports a cut file and a file without an address with their lines', () => {
    expect(brief(parseSourcevip(fixture('broken-cut.json')).diagnostics)).toEqual([{ severity: 'error', code: 'syntax', line: 5 }]);
    expect(brief(parseSourcevip('{\n  "cniVersion": "0.2.0",\n  "dns": {}\n}\n').diagnostics)).toEqual([{ severity: 'error', code: 'sourcevip-no-address', line: 1 }]);
  });

  it('is sniffed, and its example parses cleanly', () => {
    expect(sniffCommand(fixture('cni020.json'))).toBe('sourcevip');
    expect(commandName('SourceVip.json')).toBe('sourcevip');
    expect(sourcevipParser.parse(sourcevipParser.example).value.address).toBe('10.244.3.2');
  });
});
