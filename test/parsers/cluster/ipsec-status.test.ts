import { describe, expect, it } from 'vitest';
import { IpsecStatusValue, ipsecStatusParser, parseIpsecStatus } from '../../../src/parsers/cluster/ipsec-status.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('ipsec-status', name);

describe('ipsec-status parser', () => {
  it('reads the IBM strongSwan chart’s `ipsec status` with an ESTABLISHED tunnel and bypass shunts', () => {
    const { value, diagnostics } = parseIpsecStatus(fixture('ibm-chart-established.txt'), { file: 'cluster/ipsec-status.txt' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      detailed: false,
      securityAssociations: { up: 1, connecting: 0, line: 4 },
      configured: [],
      ikeSas: [{ name: 'k8s-conn', id: 2, state: 'ESTABLISHED', establishedFor: '4 minutes', local: '172.30.234.209', remote: '10.137.85.26', line: 5 }],
      childSas: [
        { name: 'k8s-conn', id: 1, state: 'INSTALLED', mode: 'TUNNEL', reqid: 1, localTs: ['172.21.0.0/16', '172.30.0.0/16'], remoteTs: ['192.168.0.0/20'], line: 6 },
      ],
      shunted: [
        { name: 'Bypass LAN 169.254.1.1/32', line: 2 },
        { name: 'Bypass LAN fe80::/64', line: 3 },
      ],
      connections: [{ name: 'k8s-conn', ikeStates: ['ESTABLISHED'], childStates: ['INSTALLED'], established: true, line: 5 }],
      kubectlErrorLines: [],
    });
    expect(IpsecStatusValue.parse(value)).toEqual(value);
  });

  it('reads `ipsec statusall` of a cluster still CONNECTING to an on-prem gateway that does not answer', () => {
    const { value, diagnostics } = parseIpsecStatus(fixture('statusall-connecting.txt'));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      detailed: true,
      version: '5.9.5',
      securityAssociations: { up: 0, connecting: 1, line: 18 },
      configured: [
        {
          name: 'k8s-conn',
          local: '%any',
          remote: '203.0.113.45',
          ikeVersion: 'IKEv2',
          children: [{ name: 'k8s-conn', localTs: ['172.21.0.0/16', '172.30.0.0/16'], remoteTs: ['10.91.0.0/24'], mode: 'TUNNEL', line: 12 }],
          line: 9,
        },
      ],
      ikeSas: [{ name: 'k8s-conn', id: 3, state: 'CONNECTING', local: '172.30.58.12', remote: '203.0.113.45', line: 19 }],
      childSas: [
        { name: 'k8s-conn', id: 1, state: 'ROUTED', mode: 'TUNNEL', reqid: 1, localTs: ['172.21.0.0/16', '172.30.0.0/16'], remoteTs: ['10.91.0.0/24'], line: 16 },
      ],
      shunted: [{ name: 'Bypass LAN 169.254.1.1/32', line: 14 }],
      connections: [{ name: 'k8s-conn', ikeStates: ['CONNECTING'], childStates: ['ROUTED'], established: false, line: 9 }],
      kubectlErrorLines: [],
    });
  });

  it('reads no SAs at all, and a daemon that is not running, from CRLF output', () => {
    expect(parseIpsecStatus('Security Associations (0 up, 0 connecting):\r\n  none\r\n').value).toMatchObject({
      securityAssociations: { up: 0, connecting: 0, line: 1 },
      connections: [],
    });
    const down = parseIpsecStatus("connecting to 'unix:///var/run/charon.ctl' failed: No such file or directory\r\ncommand terminated with exit code 7\r\n");
    expect(down.value.daemonUnavailableLine).toBe(1);
    expect(down.diagnostics).toEqual([]);
  });

  it('keeps what a cut, garbled statusall holds and warns where a selector is cut off', () => {
    const { value, diagnostics } = parseIpsecStatus(fixture('broken-cut-garbled.txt'), { file: 'i.txt' });
    expect(value.connections).toEqual([{ name: 'k8s-conn', ikeStates: ['ESTABLISHED'], childStates: ['INSTALLED'], established: true, line: 4 }]);
    expect(value.childSas[0]).toMatchObject({ localTs: ['172.21.0.0/16'], remoteTs: [], line: 9 });
    expect(brief(diagnostics)).toEqual([{ severity: 'warning', code: 'garbled-selector', line: 11 }]);
  });

  it('warns about stray lines, reports a missing SA header and rejects unrelated text', () => {
    const { diagnostics } = parseIpsecStatus('Routed Connections:\nk8s-conn{1}:  ROUTED, TUNNEL, reqid 1\nhello there\n');
    expect(brief(diagnostics)).toEqual([
      { severity: 'warning', code: 'ipsec-status-incomplete', line: undefined },
      { severity: 'warning', code: 'unrecognised-line', line: 3 },
    ]);
    expect(brief(parseIpsecStatus('total 0\ndrwxr-xr-x 2 root root\n').diagnostics)).toEqual([
      { severity: 'error', code: 'unrecognised-input', line: undefined },
      { severity: 'warning', code: 'unrecognised-line', line: 1 },
      { severity: 'warning', code: 'unrecognised-line', line: 2 },
    ]);
  });

  it('parses its own documentation example', () => {
    expect(ipsecStatusParser.parse(ipsecStatusParser.example).value.connections[0]?.established).toBe(true);
  });
});
