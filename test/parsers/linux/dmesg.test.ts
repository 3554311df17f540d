import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dmesgParser, DmesgValue, parseDmesg } from '../../../src/parsers/linux/dmesg.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/outputs/dmesg/${name}`, import.meta.url), 'utf8');

describe('dmesg parser', () => {
  it('counts doubled-prefix conntrack drops and the callbacks suppressed between them', () => {
    const { value, diagnostics } = parseDmesg(fixture('ack-conntrack-full.txt'), { file: 'nodes/n1/dmesg' });
    expect(value).toEqual({
      conntrackTableFull: {
        count: 7,
        firstLine: 11,
        lastLine: 19,
        firstTimestamp: '86401.119364',
        lastTimestamp: '86411.131909',
        suppressedCallbacks: 1043 + 4063,
      },
      lines: 20,
    });
    expect(diagnostics).toEqual([]);
    expect(DmesgValue.parse(value)).toEqual(value);
  });

  it('reads dmesg -T timestamps and the single-prefix form', () => {
    const { value, diagnostics } = parseDmesg(fixture('dmesg-T-el7.txt'));
    expect(value.conntrackTableFull).toEqual({
      count: 3,
      firstLine: 3,
      lastLine: 6,
      firstTimestamp: 'Mon Nov 20 10:00:00 2026',
      lastTimestamp: 'Mon Nov 20 10:00:05 2026',
      suppressedCallbacks: 83,
    });
    expect(diagnostics).toEqual([]);
  });

  it('reads syslog lines from old kernels (ip_conntrack, __ratelimit)', () => {
    const { value } = parseDmesg(fixture('syslog-ip-conntrack.txt'));
    expect(value).toEqual({
      conntrackTableFull: {
        count: 3,
        firstLine: 2,
        lastLine: 5,
        firstTimestamp: '38775494.392631',
        lastTimestamp: '38775499.495169',
        suppressedCallbacks: 212,
      },
      lines: 5,
    });
  });

  it('reads CRLF output without timestamps (dmesg -t) the same way', () => {
    const text = 'IPVS: ipvs loaded.\r\nnf_conntrack: nf_conntrack: table full, dropping packet\r\nnet_ratelimit: 9 callbacks suppressed\r\n';
    expect(parseDmesg(text)).toEqual({
      value: { conntrackTableFull: { count: 1, firstLine: 2, lastLine: 2, suppressedCallbacks: 9 }, lines: 3 },
      diagnostics: [],
    });
  });

  it('does not attribute suppressed callbacks that sit between unrelated messages', () => {
    const text = ['[1.0] eth0: link up', '[2.0] net_ratelimit: 5 callbacks suppressed', '[2.1] IPv4: martian source'].join('\n');
    expect(parseDmesg(text).value.conntrackTableFull).toEqual({ count: 0 });
  });

  it('reports a ring buffer it was not allowed to read', () => {
    const { value, diagnostics } = parseDmesg(fixture('broken-not-permitted.txt'), { file: 'nodes/n1/dmesg' });
    expect(value).toEqual({ conntrackTableFull: { count: 0 }, lines: 1 });
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'dmesg-not-permitted',
        message: 'dmesg could not read the kernel ring buffer (run it as root)',
        file: 'nodes/n1/dmesg',
        line: 1,
      },
    ]);
  });

  it('keeps what it can read from garbled output and says where it is garbled', () => {
    const { value, diagnostics } = parseDmesg(fixture('broken-garbled.txt'), { file: 'dmesg' });
    expect(value.conntrackTableFull).toEqual({
      count: 3,
      firstLine: 1,
      lastLine: 6,
      firstTimestamp: '5021.004411',
      lastTimestamp: '5026.010240',
      suppressedCallbacks: 17,
    });
    expect(diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['info', 'timestamps-not-monotonic', 5],
      ['warning', 'malformed-timestamp', 2],
      ['warning', 'malformed-timestamp', 6],
    ]);
    expect(JSON.stringify(diagnostics)).not.toContain('5021.0045');
  });

  it('has an example that parses cleanly', () => {
    const { value, diagnostics } = dmesgParser.parse(dmesgParser.example);
    expect(diagnostics).toEqual([]);
    expect(value.conntrackTableFull.count).toBe(3);
    expect(value.conntrackTableFull.suppressedCallbacks).toBe(83);
  });
});
