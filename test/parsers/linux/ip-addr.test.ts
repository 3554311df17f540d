import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ipAddrParser, IpAddrValue, parseIpAddr } from '../../../src/parsers/linux/ip-addr.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/outputs/ip-addr/${name}`, import.meta.url), 'utf8');

describe('ip-addr parser', () => {
  it('reads a flannel node with IPVS service addresses on kube-ipvs0', () => {
    const { value, diagnostics } = parseIpAddr(fixture('flannel-node.txt'), { file: 'nodes/n1/ip-addr' });
    expect(diagnostics).toEqual([]);
    expect(value.interfaces.map((i) => [i.name, i.mtu, i.addresses])).toEqual([
      [
        'lo',
        65536,
        [
          { family: 4, cidr: '127.0.0.1/8', scope: 'host', line: 3 },
          { family: 6, cidr: '::1/128', scope: 'host', line: 5 },
        ],
      ],
      [
        'eth0',
        1500,
        [
          { family: 4, cidr: '192.168.0.10/24', scope: 'global', line: 9 },
          { family: 6, cidr: 'fe80::216:3eff:fe0a:1b2c/64', scope: 'link', line: 11 },
        ],
      ],
      ['flannel.1', 1450, [{ family: 4, cidr: '172.20.0.0/32', scope: 'global', line: 15 }]],
      ['cni0', 1450, [{ family: 4, cidr: '172.20.0.1/24', scope: 'global', line: 19 }]],
      [
        'kube-ipvs0',
        1500,
        [
          { family: 4, cidr: '172.21.0.1/32', scope: 'global', line: 23 },
          { family: 4, cidr: '172.21.0.10/32', scope: 'global', line: 25 },
        ],
      ],
    ]);
    expect(value.interfaces[1]).toMatchObject({ index: 2, flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], state: 'UP', mac: '00:16:3e:0a:1b:2c', line: 7 });
    expect(IpAddrValue.parse(value)).toEqual(value);
  });

  it('reads dual-stack, secondary and point-to-point addresses (CRLF)', () => {
    const { value, diagnostics } = parseIpAddr(fixture('dual-stack-ptp.txt').replace(/\n/g, '\r\n'));
    expect(diagnostics).toEqual([]);
    expect(value.interfaces.map((i) => [i.name, i.linkType, i.addresses])).toEqual([
      [
        'ens5',
        'ether',
        [
          { family: 4, cidr: '10.0.12.4/20', scope: 'global', line: 4 },
          { family: 4, cidr: '10.0.12.99/20', scope: 'global', line: 6 },
          { family: 6, cidr: '2600:1f18:4c2:7d00:a1b2:c3d4:e5f6:1a2b/128', scope: 'global', line: 8 },
          { family: 6, cidr: 'fe80::4f:8aff:fe11:2233/64', scope: 'link', line: 10 },
        ],
      ],
      ['tun0', 'none', [{ family: 4, cidr: '10.8.0.1/32', peer: '10.8.0.2/32', scope: 'global', line: 14 }]],
    ]);
  });

  it('flags one-line rows and does not attach lines that follow an error to the interface above', () => {
    const { value, diagnostics } = parseIpAddr(fixture('broken-oneline-and-cut.txt'), { file: 'ip-addr' });
    expect(value.interfaces.map((i) => [i.name, i.addresses.map((a) => a.cidr)])).toEqual([['eth0', ['192.168.0.10/24']]]);
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'oneline-format',
        message: 'one-line (ip -o) address rows lack link details; capture ip addr without -o',
        file: 'ip-addr',
        line: 1,
      },
      { severity: 'warning', code: 'unrecognised-line', message: 'line not recognised as part of ip addr output', file: 'ip-addr', line: 5 },
      { severity: 'warning', code: 'unrecognised-line', message: 'line not recognised as part of ip addr output', file: 'ip-addr', line: 6 },
    ]);
  });

  it('has an example that parses cleanly', () => {
    const { value, diagnostics } = ipAddrParser.parse(ipAddrParser.example);
    expect(diagnostics).toEqual([]);
    expect(value.interfaces[0]?.addresses.map((a) => a.cidr)).toEqual(['192.168.0.10/24', 'fe80::216:3eff:fe0a:1b2c/64']);
  });
});
