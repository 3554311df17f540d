import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ipvsadm, ipvsadmParser, parseIpvsadm } from '../../../src/parsers/linux/ipvsadm.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/outputs/ipvsadm/${name}`, import.meta.url), 'utf8');

const masq = (address: string, port: number, line: number, activeConn = 0, inactConn = 0, weight = 1) => ({
  address,
  port,
  forward: 'Masq',
  weight,
  activeConn,
  inactConn,
  line,
});
const vs = (protocol: 'TCP' | 'UDP' | 'SCTP', address: string, port: number, line: number, realServers: object[]) => ({
  protocol,
  family: address.includes(':') ? 6 : 4,
  address,
  port,
  scheduler: 'rr',
  flags: [],
  line,
  realServers,
});

describe('ipvsadm parser', () => {
  it('reads `ipvsadm -Ln` of a dual-stack kube-proxy node (with a keepalived FWM service)', () => {
    const { value, diagnostics } = parseIpvsadm(fixture('kube-proxy-ln.txt'), { file: 'nodes/n1/ipvsadm' });
    expect(diagnostics).toEqual([]);
    expect(Ipvsadm.parse(value)).toEqual(value);
    expect(value).toEqual({
      version: '1.2.1',
      size: 4096,
      format: 'default',
      namesResolved: false,
      virtualServers: [
        vs('TCP', '172.18.0.3', 30080, 4, [masq('10.244.1.5', 8080, 5), masq('10.244.2.7', 8080, 6)]),
        vs('TCP', '10.96.0.1', 443, 7, [masq('172.18.0.2', 6443, 8, 4)]),
        vs('TCP', '10.96.0.10', 53, 9, [masq('10.244.0.2', 53, 10), masq('10.244.0.3', 53, 11)]),
        vs('TCP', '10.96.0.10', 9153, 12, [masq('10.244.0.2', 9153, 13), masq('10.244.0.3', 9153, 14)]),
        {
          ...vs('TCP', '10.96.45.12', 80, 15, [masq('10.244.1.5', 8080, 16, 2, 1), masq('10.244.2.7', 8080, 17, 0, 3, 0)]),
          flags: ['persistent'],
          persistentSeconds: 10800,
        },
        vs('TCP', '10.96.120.7', 80, 18, []),
        vs('UDP', '10.96.0.10', 53, 19, [masq('10.244.0.2', 53, 20, 0, 37), masq('10.244.0.3', 53, 21, 0, 41)]),
        vs('SCTP', '10.96.77.5', 3868, 22, [masq('10.244.2.11', 3868, 23)]),
        vs('TCP', 'fd00:10:96::1', 443, 24, [masq('fc00:f853:ccd:e793::2', 6443, 25)]),
        vs('UDP', 'fd00:10:96::a', 53, 26, [masq('fd00:10:244::2', 53, 27, 0, 5)]),
        {
          protocol: 'FWM',
          family: 4,
          fwmark: 100,
          scheduler: 'wlc',
          flags: ['persistent', 'mask 255.255.255.0'],
          persistentSeconds: 300,
          line: 28,
          realServers: [
            { address: '192.168.0.21', port: 0, forward: 'Route', weight: 100, activeConn: 0, inactConn: 0, line: 29 },
            { address: '192.168.0.22', port: 0, forward: 'Route', weight: 0, activeConn: 0, inactConn: 0, line: 30 },
          ],
        },
      ],
    });
  });

  it('reads the same listing with CRLF line ends identically', () => {
    const lf = fixture('kube-proxy-ln.txt');
    expect(parseIpvsadm(lf.replace(/\n/g, '\r\n'))).toEqual(parseIpvsadm(lf));
  });

  it('reads `ipvsadm -Ln --stats`, scaling K/M suffixes back', () => {
    const { value, diagnostics } = parseIpvsadm(fixture('stats.txt'));
    expect(diagnostics).toEqual([]);
    expect(Ipvsadm.parse(value)).toEqual(value);
    const stats = (conns: number, inPkts: number, outPkts: number, inBytes: number, outBytes: number) => ({
      conns,
      inPkts,
      outPkts,
      inBytes,
      outBytes,
    });
    expect(value).toEqual({
      version: '1.2.1',
      size: 4096,
      format: 'stats',
      namesResolved: false,
      virtualServers: [
        {
          protocol: 'TCP',
          family: 4,
          address: '10.96.0.1',
          port: 443,
          flags: [],
          stats: stats(1873, 41208, 39920, 4920412, 22309114),
          line: 4,
          realServers: [
            { address: '172.18.0.2', port: 6443, stats: stats(1873, 41208, 39920, 4920412, 22309114), line: 5 },
          ],
        },
        {
          protocol: 'TCP',
          family: 4,
          address: '10.96.0.10',
          port: 53,
          flags: [],
          stats: stats(0, 0, 0, 0, 0),
          line: 6,
          realServers: [{ address: '10.244.0.2', port: 53, stats: stats(0, 0, 0, 0, 0), line: 7 }],
        },
        {
          protocol: 'UDP',
          family: 4,
          address: '10.96.0.10',
          port: 53,
          flags: [],
          stats: stats(912233, 1834467, 1834467, 115112000, 230224000),
          line: 8,
          realServers: [
            { address: '10.244.0.2', port: 53, stats: stats(456101, 917201, 917201, 57551823, 115103000), line: 9 },
            { address: '10.244.0.3', port: 53, stats: stats(456132, 917266, 917266, 57560522, 115121000), line: 10 },
          ],
        },
        {
          protocol: 'TCP',
          family: 6,
          address: 'fd00:10:96::1',
          port: 443,
          flags: [],
          stats: stats(12, 188, 164, 15822, 90417),
          line: 11,
          realServers: [
            { address: 'fc00:f853:ccd:e793::2', port: 6443, stats: stats(12, 188, 164, 15822, 90417), line: 12 },
          ],
        },
      ],
    });
  });

  it('reads `ipvsadm -Ln --rate`', () => {
    const { value, diagnostics } = parseIpvsadm(fixture('rate.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.format).toBe('rate');
    expect(value.virtualServers[1]).toEqual({
      protocol: 'UDP',
      family: 4,
      address: '10.96.0.10',
      port: 53,
      flags: [],
      rate: { cps: 212, inPps: 424, outPps: 424, inBps: 27136, outBps: 60912 },
      line: 6,
      realServers: [
        { address: '10.244.0.2', port: 53, rate: { cps: 105, inPps: 210, outPps: 210, inBps: 13440, outBps: 30240 }, line: 7 },
        { address: '10.244.0.3', port: 53, rate: { cps: 107, inPps: 214, outPps: 214, inBps: 13696, outBps: 30672 }, line: 8 },
      ],
    });
  });

  it('reads `ipvsadm -Ln --persistent-conn` and `--thresholds` columns', () => {
    const persistent = [
      'IP Virtual Server version 1.2.1 (size=4096)',
      'Prot LocalAddress:Port            Weight    PersistConn ActiveConn InActConn ',
      '  -> RemoteAddress:Port',
      'TCP  10.96.0.1:443 rr persistent 10800',
      '  -> 172.18.0.2:6443               1         3           4          0         ',
    ].join('\n');
    const p = parseIpvsadm(persistent);
    expect(p.diagnostics).toEqual([]);
    expect(p.value.format).toBe('persistent-conn');
    expect(p.value.virtualServers[0]?.realServers).toEqual([
      { address: '172.18.0.2', port: 6443, weight: 1, persistConn: 3, activeConn: 4, inactConn: 0, line: 5 },
    ]);
    const thresholds = persistent
      .replace('Weight    PersistConn ActiveConn InActConn ', 'Uthreshold Lthreshold ActiveConn InActConn ')
      .replace('1         3           4', '0          0          4');
    const t = parseIpvsadm(thresholds);
    expect(t.diagnostics).toEqual([]);
    expect(t.value.virtualServers[0]?.realServers).toEqual([
      { address: '172.18.0.2', port: 6443, upperThreshold: 0, lowerThreshold: 0, activeConn: 4, inactConn: 0, line: 5 },
    ]);
  });

  it('keeps numeric rows of `ipvsadm -L` (names resolved) and warns once', () => {
    const { value, diagnostics } = parseIpvsadm(fixture('names-resolved.txt'), { file: 'nodes/n1/ipvsadm' });
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'names-resolved',
        message: 'ipvsadm was run without -n: names replace addresses; rows with a named address were skipped',
        file: 'nodes/n1/ipvsadm',
        line: 4,
      },
    ]);
    expect(value.namesResolved).toBe(true);
    // `100.64.0.10:domain`: the address is kept, the named port is not guessed
    const namedPort = (protocol: 'TCP' | 'UDP', line: number, inactConn: number) => ({
      protocol,
      family: 4,
      address: '100.64.0.10',
      scheduler: 'rr',
      flags: [],
      line,
      realServers: [{ address: '100.96.6.18', forward: 'Masq', weight: 1, activeConn: 0, inactConn, line: line + 1 }],
    });
    expect(value.virtualServers).toEqual([
      namedPort('TCP', 8, 0),
      namedPort('UDP', 10, 14),
      vs('TCP', '100.64.13.7', 8080, 12, [
        { address: '100.98.125.10', forward: 'Masq', weight: 1, activeConn: 2, inactConn: 14, line: 13 },
        masq('100.99.0.16', 8080, 14, 0, 14),
      ]),
    ]);
  });

  it('keeps what it can read from a garbled listing', () => {
    const { value, diagnostics } = parseIpvsadm(fixture('broken.txt'), { file: 'nodes/n1/ipvsadm' });
    expect(diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['warning', 'orphan-real-server', 2],
      ['warning', 'unrecognised-line', 6],
      ['warning', 'unrecognised-line', 8],
      ['warning', 'unrecognised-line', 9],
      ['warning', 'unrecognised-line', 11],
    ]);
    expect(JSON.stringify(diagnostics)).not.toContain('hunter2');
    expect(value.virtualServers).toEqual([
      vs('TCP', '10.96.0.1', 443, 5, [masq('192.168.0.11', 6443, 7)]),
      { protocol: 'TCP', family: 4, address: '10.96.0.10', port: 53, flags: [], line: 9, realServers: [masq('10.244.0.2', 53, 10)] },
      { protocol: 'UDP', family: 4, address: '10.96.0.10', port: 5, flags: [], line: 11, realServers: [] },
    ]);
  });

  it('reports that IPVS is unavailable', () => {
    const { value, diagnostics } = parseIpvsadm(fixture('ipvs-unavailable.txt'));
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'ipvs-unavailable',
        message: 'ipvsadm could not reach IPVS (ip_vs module not loaded?)',
        line: 1,
      },
    ]);
    expect(value.virtualServers).toEqual([]);
  });

  it('rejects text that is not ipvsadm output', () => {
    const { diagnostics } = parseIpvsadm('# Generated by iptables-save v1.8.4\n*nat\nCOMMIT\n');
    expect(diagnostics).toEqual([
      { severity: 'error', code: 'not-ipvsadm', message: 'no ipvsadm header or virtual-server row found', line: 1 },
    ]);
  });

  it('reads an empty table (kube-proxy not in IPVS mode) and its own example', () => {
    const header = 'IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n';
    expect(parseIpvsadm(header)).toEqual({
      value: { version: '1.2.1', size: 4096, format: 'default', namesResolved: false, virtualServers: [] },
      diagnostics: [],
    });
    const example = ipvsadmParser.parse(ipvsadmParser.example);
    expect(example.diagnostics).toEqual([]);
    expect(example.value.virtualServers.map((v) => v.realServers.length)).toEqual([1, 1]);
  });
});
