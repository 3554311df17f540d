import { describe, expect, it } from 'vitest';
import { parseIpvsadm } from '../../../src/parsers/linux/ipvsadm.js';

// Pins the row-level reading that ipvsadm.ts and ipvsadm-rows.ts do on their hot path
// (lazy regexes, hand-split columns): several services, tabs, trailing blanks, a blank-only
// line, a drained (weight 0) real server, a short row and a stray line.
const listing = [
  'IP Virtual Server version 1.2.1 (size=4096)',
  'Prot LocalAddress:Port Scheduler Flags',
  '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  'TCP  10.96.0.1:443 rr   ',
  '  -> 192.168.0.10:6443            Masq    1      3          0         ',
  '  -> 192.168.0.11:6443\tMasq\t1\t0\t2',
  '   ',
  'UDP  10.96.0.10:53 rr',
  '  -> 10.244.0.2:53                Masq    0      0          12        ',
  '  -> 10.244.1.3:53                Masq    1      0',
  'SCTP 10.96.5.7:3868 sh persistent 10800',
  '  -> 10.244.2.9:3868              Masq    1      1          0         ',
  'garbage',
  '',
].join('\n');

const rs = (address: string, port: number, line: number, weight: number, activeConn: number, inactConn: number) => ({
  address,
  line,
  port,
  forward: 'Masq',
  weight,
  activeConn,
  inactConn,
});

describe('ipvsadm rows', () => {
  it('reads a multi-service listing row by row, with exact values and line numbers', () => {
    const { value, diagnostics } = parseIpvsadm(listing, { file: 'nodes/n1/ipvsadm' });
    expect(value).toEqual({
      version: '1.2.1',
      size: 4096,
      format: 'default',
      namesResolved: false,
      virtualServers: [
        {
          protocol: 'TCP',
          family: 4,
          address: '10.96.0.1',
          port: 443,
          scheduler: 'rr',
          flags: [],
          line: 4,
          realServers: [rs('192.168.0.10', 6443, 5, 1, 3, 0), rs('192.168.0.11', 6443, 6, 1, 0, 2)],
        },
        {
          protocol: 'UDP',
          family: 4,
          address: '10.96.0.10',
          port: 53,
          scheduler: 'rr',
          flags: [],
          line: 8,
          realServers: [rs('10.244.0.2', 53, 9, 0, 0, 12)],
        },
        {
          protocol: 'SCTP',
          family: 4,
          address: '10.96.5.7',
          port: 3868,
          scheduler: 'sh',
          flags: ['persistent'],
          persistentSeconds: 10800,
          line: 11,
          realServers: [rs('10.244.2.9', 3868, 12, 1, 1, 0)],
        },
      ],
    });
    expect(diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['unrecognised-line', 10, 'real-server row does not have the columns its header announces'],
      ['unrecognised-line', 13, 'line not recognised as an ipvsadm header, virtual-server or real-server row'],
    ]);
  });
});
