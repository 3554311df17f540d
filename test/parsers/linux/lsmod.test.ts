import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasModule, lsmodParser, LsmodValue, parseLsmod } from '../../../src/parsers/linux/lsmod.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/outputs/lsmod/${name}`, import.meta.url), 'utf8');

describe('lsmod parser', () => {
  it('reads an IPVS node', () => {
    const { value, diagnostics } = parseLsmod(fixture('ipvs-node.txt'), { file: 'nodes/n1/lsmod' });
    expect(diagnostics).toEqual([]);
    expect(value.modules).toHaveLength(14);
    expect(value.modules.slice(1, 5)).toEqual([
      { name: 'ip_vs_sh', size: 16384, usedByCount: 0, usedBy: [], line: 3 },
      { name: 'ip_vs_wrr', size: 16384, usedByCount: 0, usedBy: [], line: 4 },
      { name: 'ip_vs_rr', size: 16384, usedByCount: 9, usedBy: [], line: 5 },
      { name: 'ip_vs', size: 176128, usedByCount: 15, usedBy: ['ip_vs_rr', 'ip_vs_sh', 'ip_vs_wrr'], line: 6 },
    ]);
    expect(value.modules.find((m) => m.name === 'nf_conntrack')?.usedBy).toEqual([
      'xt_conntrack',
      'nf_nat',
      'nf_conntrack_netlink',
      'xt_nat',
      'xt_MASQUERADE',
      'ip_vs',
    ]);
    expect(LsmodValue.parse(value)).toEqual(value);
    expect(hasModule(value, 'ip_vs_rr')).toBe(true);
    expect(hasModule(value, 'ip-vs-sh')).toBe(true);
    expect(hasModule(value, 'nf_conntrack_ipv4')).toBe(false);
  });

  it('reads /proc/modules, dropping trailing commas and [permanent]', () => {
    const { value, diagnostics } = parseLsmod(fixture('proc-modules.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.modules).toEqual([
      { name: 'ip_vs_rr', size: 16384, usedByCount: 9, usedBy: [], line: 1 },
      { name: 'ip_vs', size: 176128, usedByCount: 15, usedBy: ['ip_vs_rr', 'ip_vs_sh', 'ip_vs_wrr'], line: 2 },
      { name: 'nf_conntrack', size: 139264, usedByCount: 6, usedBy: ['xt_conntrack', 'nf_nat', 'ip_vs'], line: 3 },
      { name: 'crc32c_intel', size: 24576, usedByCount: 1, usedBy: [], line: 4 },
    ]);
  });

  it('reads CRLF and busybox output', () => {
    const text = 'Module                  Size  Used by    Tainted: G\r\nip_vs 176128 2 ip_vs_rr,\r\nvfat 20480 1 [permanent]\r\n';
    expect(parseLsmod(text)).toEqual({
      value: {
        modules: [
          { name: 'ip_vs', size: 176128, usedByCount: 2, usedBy: ['ip_vs_rr'], line: 2 },
          { name: 'vfat', size: 20480, usedByCount: 1, usedBy: [], line: 3 },
        ],
      },
      diagnostics: [],
    });
  });

  it('keeps the rows before a cut and warns about the rest', () => {
    const { value, diagnostics } = parseLsmod(fixture('broken-cut.txt'), { file: 'lsmod' });
    expect(value.modules.map((m) => m.name)).toEqual(['ip_vs_rr', 'ip_vs']);
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'unrecognised-line',
        message: 'line not recognised as an lsmod row (name, size, use count, users)',
        file: 'lsmod',
        line: 4,
      },
      expect.objectContaining({ code: 'unrecognised-line', line: 5 }),
    ]);
  });

  it('says so when nothing is an lsmod row', () => {
    expect(parseLsmod('Permission denied\n').diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['error', 'unrecognised-input', undefined],
      ['warning', 'unrecognised-line', 1],
    ]);
  });

  it('has an example that parses cleanly', () => {
    const { value, diagnostics } = lsmodParser.parse(lsmodParser.example);
    expect(diagnostics).toEqual([]);
    expect(hasModule(value, 'ip_vs')).toBe(true);
  });
});
