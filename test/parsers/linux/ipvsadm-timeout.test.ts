import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IpvsadmTimeout, ipvsadmTimeoutParser, parseIpvsadmTimeout } from '../../../src/parsers/linux/ipvsadm-timeout.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/outputs/ipvsadm-timeout/${name}`, import.meta.url), 'utf8');

describe('ipvsadm-timeout parser', () => {
  it('reads the kernel defaults', () => {
    const { value, diagnostics } = parseIpvsadmTimeout(fixture('default.txt'));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({ tcp: 900, tcpFin: 120, udp: 300, line: 1 });
    expect(IpvsadmTimeout.parse(value)).toEqual(value);
  });

  it('reads a pasted session with a shell prompt, warning about the prompt line', () => {
    const { value, diagnostics } = parseIpvsadmTimeout(fixture('with-prompt.txt'), { file: 'nodes/n1/ipvsadm-timeout' });
    expect(value).toEqual({ tcp: 7200, tcpFin: 30, udp: 300, line: 2 });
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'unrecognised-line',
        message: 'line not recognised as the ipvsadm timeout line',
        file: 'nodes/n1/ipvsadm-timeout',
        line: 1,
      },
    ]);
  });

  it('reads CRLF output', () => {
    expect(parseIpvsadmTimeout('Timeout (tcp tcpfin udp): 900 120 300\r\n')).toEqual({
      value: { tcp: 900, tcpFin: 120, udp: 300, line: 1 },
      diagnostics: [],
    });
  });

  it('keeps the numbers of a truncated line', () => {
    const { value, diagnostics } = parseIpvsadmTimeout(fixture('truncated.txt'));
    expect(value).toEqual({ tcp: 900, tcpFin: 12, line: 1 });
    expect(diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['warning', 'incomplete-timeout-line', 1]]);
  });

  it('reports missing IPVS and unrelated text', () => {
    const unavailable = parseIpvsadmTimeout(
      "Can't initialize ipvs: Protocol not available\nAre you sure that IP Virtual Server is built in the kernel or as module?\n",
    );
    expect(unavailable.value).toEqual({});
    expect(unavailable.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['error', 'ipvs-unavailable', 1]]);

    const other = parseIpvsadmTimeout('IP Virtual Server version 1.2.1 (size=4096)\n');
    expect(other.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['error', 'not-ipvsadm-timeout', undefined],
      ['warning', 'unrecognised-line', 1],
    ]);
  });

  it('ignores a second timeout line', () => {
    const { value, diagnostics } = parseIpvsadmTimeout(
      'Timeout (tcp tcpfin udp): 900 120 300\nTimeout (tcp tcpfin udp): 1 2 3\n',
    );
    expect(value).toEqual({ tcp: 900, tcpFin: 120, udp: 300, line: 1 });
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['duplicate-timeout-line', 2]]);
  });

  it('declares itself', () => {
    expect(ipvsadmTimeoutParser.id).toBe('ipvsadm-timeout');
    expect(ipvsadmTimeoutParser.parse(ipvsadmTimeoutParser.example).value).toEqual({ tcp: 900, tcpFin: 120, udp: 300, line: 1 });
  });
});
