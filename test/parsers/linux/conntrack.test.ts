import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conntrackParser, ConntrackValue, parseConntrack } from '../../../src/parsers/linux/conntrack.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/outputs/conntrack/${name}`, import.meta.url), 'utf8');

describe('conntrack parser', () => {
  it('reads conntrack -S from a 5.x kernel and sums the CPUs', () => {
    const { value, diagnostics } = parseConntrack(fixture('stats-kernel5.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.form).toBe('stats');
    expect(value.stats?.cpus[3]).toEqual({
      cpu: 3,
      found: 4,
      invalid: 9927,
      insert: 0,
      insertFailed: 187,
      drop: 187,
      earlyDrop: 0,
      error: 513,
      searchRestart: 88005,
      line: 4,
    });
    expect(value.stats?.totals).toEqual({
      found: 6,
      invalid: 20658,
      insert: 0,
      insertFailed: 187,
      drop: 187,
      earlyDrop: 0,
      error: 913,
      searchRestart: 198606,
    });
    expect(ConntrackValue.parse(value)).toEqual(value);
  });

  it('reads the longer counter rows of 3.10 kernels', () => {
    const { value } = parseConntrack(fixture('stats-el7.txt'));
    expect(value.stats?.totals).toEqual({
      found: 18222,
      invalid: 21,
      insert: 5020,
      insertFailed: 3,
      drop: 3,
      earlyDrop: 1,
      error: 2,
      searchRestart: 0,
    });
    expect(value.stats?.cpus.map((c) => [c.cpu, c.line])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('reads the /proc/net/stat fallback of old tools (icmp_error, CRLF)', () => {
    const text =
      'cpu=0   \tentries=412 clashres=0 found=10 new=0 invalid=4 ignore=0 delete=0 delete_list=0 insert=0 insert_failed=2 drop=2 early_drop=0 icmp_error=7 expect_new=0 expect_create=0 expect_delete=0 search_restart=5 \r\n';
    expect(parseConntrack(text).value.stats?.cpus).toEqual([
      { cpu: 0, found: 10, invalid: 4, insert: 0, insertFailed: 2, drop: 2, earlyDrop: 0, error: 7, searchRestart: 5, line: 1 },
    ]);
  });

  it('summarises conntrack -L with the trailer printed first (stderr captured)', () => {
    const { value, diagnostics } = parseConntrack(fixture('list-ack-node.txt'));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      form: 'list',
      list: {
        total: 9,
        byProtocol: { udp: 3, tcp: 4, icmp: 1, unknown: 1 },
        byDestinationPort: [
          { protocol: 'tcp', port: 443, count: 2 },
          { protocol: 'udp', port: 53, count: 2 },
          { protocol: 'tcp', port: 53, count: 1 },
          { protocol: 'tcp', port: 6443, count: 1 },
          { protocol: 'udp', port: 8472, count: 1 },
        ],
        dns: 3,
        shownTrailer: 9,
      },
    });
  });

  it('reads -o extended entries and IPv6', () => {
    const { value, diagnostics } = parseConntrack(fixture('list-extended-ipv6.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.list).toEqual({
      total: 4,
      byProtocol: { tcp: 2, udp: 1, icmpv6: 1 },
      byDestinationPort: [
        { protocol: 'tcp', port: 443, count: 2 },
        { protocol: 'udp', port: 53, count: 1 },
      ],
      dns: 1,
      shownTrailer: 4,
    });
  });

  it('keeps the top 20 ports of a large table in one pass', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      lines.push(`udp      17 29 src=172.20.1.5 dst=172.21.0.10 sport=${1024 + (i % 5000)} dport=${30000 + (i % 25)} src=172.20.0.12 dst=172.20.1.5 sport=53 dport=51234 mark=0 use=1`);
    }
    lines.push('conntrack v1.4.6 (conntrack-tools): 100000 flow entries have been shown.');
    const { value, diagnostics } = parseConntrack(lines.join('\n'));
    expect(diagnostics).toEqual([]);
    expect(value.list?.total).toBe(100_000);
    expect(value.list?.byDestinationPort).toHaveLength(20);
    expect(value.list?.byDestinationPort[0]).toEqual({ protocol: 'udp', port: 30000, count: 4000 });
  });

  it('keeps what was listed before a cut and says the count does not match', () => {
    const { value, diagnostics } = parseConntrack(fixture('broken-cut-list.txt'), { file: 'nodes/n1/conntrack' });
    expect(value.list?.total).toBe(2);
    expect(value.list?.shownTrailer).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'unrecognised-line',
        message: 'line not recognised as a conntrack -S counter row or a conntrack -L entry',
        file: 'nodes/n1/conntrack',
        line: 3,
      },
      expect.objectContaining({ code: 'unrecognised-line', line: 4 }),
    ]);
  });

  it('notes a trailer that disagrees with the entries (filtered or cut output)', () => {
    const text = 'conntrack v1.4.6 (conntrack-tools): 50 flow entries have been shown.\nudp      17 26 src=192.168.122.185 dst=192.168.122.121 sport=34196 dport=4789 [UNREPLIED] src=192.168.122.121 dst=192.168.122.185 sport=4789 dport=34196 mark=0 use=1\n';
    expect(parseConntrack(text).diagnostics.map((d) => [d.severity, d.code])).toEqual([['info', 'entry-count-mismatch']]);
  });

  it('reports input that is neither form', () => {
    const { value, diagnostics } = parseConntrack('bash: conntrack: command not found\n');
    expect(value).toEqual({ form: 'unknown' });
    expect(diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['error', 'unrecognised-input', undefined],
      ['warning', 'unrecognised-line', 1],
    ]);
  });

  it('has an example that parses cleanly', () => {
    const { value, diagnostics } = conntrackParser.parse(conntrackParser.example);
    expect(diagnostics).toEqual([]);
    expect(value.stats?.totals.insertFailed).toBe(15);
  });
});
