import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { netstatParser, NetstatValue, parseNetstat } from '../../../src/parsers/linux/netstat.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/outputs/netstat/${name}`, import.meta.url), 'utf8');

describe('netstat parser', () => {
  it('reads netstat -anp listeners (the Alibaba document sample), skipping connections and unix sockets', () => {
    const { value, diagnostics } = parseNetstat(fixture('netstat-anp-ack.txt'), { file: 'nodes/n1/netstat' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      tool: 'netstat',
      listeners: [
        { protocol: 'tcp', family: 4, address: '127.0.XX.XX', port: 10248, process: 'kubelet', pid: 8196, line: 3 },
        { protocol: 'tcp', family: 4, address: '0.0.0.0', port: 22, process: 'sshd', pid: 1022, line: 4 },
        { protocol: 'tcp', family: 4, address: '127.0.0.1', port: 2381, process: 'etcd', pid: 2315, line: 5 },
        { protocol: 'tcp', family: 6, address: '::', port: 30500, process: 'kube-proxy', pid: 1916680, line: 8 },
        { protocol: 'tcp', family: 6, address: '::', port: 10250, process: 'kubelet', pid: 8196, line: 9 },
        { protocol: 'udp', family: 4, address: '0.0.0.0', port: 68, process: 'dhclient', pid: 4892, line: 11 },
        { protocol: 'udp', family: 4, address: '0.0.0.0', port: 8472, line: 12 },
        { protocol: 'udp', family: 6, address: 'fe80::216:XXXX:fe03', port: 546, process: 'dhclient', pid: 6673, line: 14 },
      ],
    });
    expect(NetstatValue.parse(value)).toEqual(value);
  });

  it('reads ss -tulpn: bracketed IPv6, %interface, * as dual-stack, several owners', () => {
    const { value, diagnostics } = parseNetstat(fixture('ss-tulpn.txt'));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      tool: 'ss',
      listeners: [
        { protocol: 'udp', family: 4, address: '127.0.0.53', port: 53, process: 'systemd-resolve', pid: 652, line: 2 },
        { protocol: 'udp', family: 4, address: '0.0.0.0', port: 8472, line: 3 },
        { protocol: 'udp', family: 6, address: 'fe80::216:3eff:fe0a:1b2c', port: 546, process: 'dhclient', pid: 6673, line: 4 },
        { protocol: 'tcp', family: 4, address: '127.0.0.1', port: 10248, process: 'kubelet', pid: 8196, line: 5 },
        { protocol: 'tcp', family: 4, address: '0.0.0.0', port: 22, process: 'sshd', pid: 1022, line: 6 },
        { protocol: 'tcp', family: 4, address: '0.0.0.0', port: 80, process: 'nginx', pid: 2466, line: 7 },
        { protocol: 'tcp', family: 'any', address: '*', port: 10250, process: 'kubelet', pid: 8196, line: 8 },
        { protocol: 'tcp', family: 6, address: '::', port: 22, process: 'sshd', pid: 1022, line: 9 },
      ],
    });
  });

  it('reads old ss (iproute2 3.x): no Netid, * is IPv4, unbracketed IPv6', () => {
    const { value, diagnostics } = parseNetstat(fixture('ss-lnt-el7.txt'));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      tool: 'ss',
      listeners: [
        { protocol: 'tcp', family: 4, address: '0.0.0.0', port: 22, line: 2 },
        { protocol: 'tcp', family: 4, address: '127.0.0.1', port: 25, line: 3 },
        { protocol: 'tcp', family: 6, address: '::', port: 22, line: 4 },
        { protocol: 'tcp', family: 6, address: '::', port: 10250, process: 'kubelet', pid: 1877, line: 5 },
      ],
    });
  });

  it('reads Windows netstat -ano with CRLF line ends', () => {
    const { value, diagnostics } = parseNetstat(fixture('netstat-ano-windows.txt').replace(/\n/g, '\r\n'));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      tool: 'netstat',
      listeners: [
        { protocol: 'tcp', family: 4, address: '0.0.0.0', port: 135, pid: 948, line: 5 },
        { protocol: 'tcp', family: 4, address: '0.0.0.0', port: 10250, pid: 4180, line: 6 },
        { protocol: 'tcp', family: 6, address: '::', port: 135, pid: 948, line: 8 },
        { protocol: 'udp', family: 4, address: '0.0.0.0', port: 4789, pid: 4, line: 9 },
        { protocol: 'udp', family: 6, address: 'fe80::1c5d:2a1b:9e3f:7a20', port: 546, pid: 1240, line: 10 },
      ],
    });
  });

  it('reads localised Windows netstat (German): listening means foreign port 0', () => {
    const text = [
      '',
      'Aktive Verbindungen',
      '',
      '  Proto  Lokale Adresse         Remoteadresse          Status           PID',
      '  TCP    0.0.0.0:10250          0.0.0.0:0              ABHÖREN          4180',
      '  TCP    10.0.0.5:49712         10.0.0.4:6443          HERGESTELLT      4180',
    ].join('\r\n');
    expect(parseNetstat(text)).toEqual({
      value: { tool: 'netstat', listeners: [{ protocol: 'tcp', family: 4, address: '0.0.0.0', port: 10250, pid: 4180, line: 5 }] },
      diagnostics: [],
    });
  });

  it('keeps readable rows of cut output and says which lines it could not use', () => {
    const { value, diagnostics } = parseNetstat(fixture('broken-truncated.txt'), { file: 'netstat' });
    expect(value.listeners).toEqual([
      { protocol: 'tcp', family: 4, address: '127.0.0.1', port: 10248, process: 'kubelet', pid: 8196, line: 4 },
    ]);
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'port-not-numeric',
        message: 'port is a service name or missing; capture with -n for numeric ports',
        file: 'netstat',
        line: 3,
      },
      { severity: 'warning', code: 'unrecognised-line', message: 'line not recognised as a netstat socket row', file: 'netstat', line: 5 },
      { severity: 'warning', code: 'unrecognised-line', message: 'line not recognised as a netstat socket row', file: 'netstat', line: 6 },
    ]);
  });

  it('reports a file with no socket rows', () => {
    expect(parseNetstat('netstat: command not found\n').diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['error', 'unrecognised-input', undefined],
      ['warning', 'unrecognised-line', 1],
    ]);
  });

  it('has an example that parses cleanly', () => {
    const { value, diagnostics } = netstatParser.parse(netstatParser.example);
    expect(diagnostics).toEqual([]);
    expect(value.listeners.map((l) => l.port)).toEqual([10248, 30500, 68]);
  });
});
