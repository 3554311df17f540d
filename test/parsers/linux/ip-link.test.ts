import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ipLinkParser, IpLinkValue, parseIpLink } from '../../../src/parsers/linux/ip-link.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/outputs/ip-link/${name}`, import.meta.url), 'utf8');

describe('ip-link parser', () => {
  it('reads a flannel node: vxlan device, bridge, veth with its peer index and master', () => {
    const { value, diagnostics } = parseIpLink(fixture('flannel-node.txt'), { file: 'nodes/n1/ip-link' });
    expect(diagnostics).toEqual([]);
    expect(value.interfaces).toEqual([
      { index: 1, name: 'lo', flags: ['LOOPBACK', 'UP', 'LOWER_UP'], mtu: 65536, state: 'UNKNOWN', linkType: 'loopback', line: 1 },
      {
        index: 2,
        name: 'eth0',
        flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
        mtu: 1500,
        state: 'UP',
        linkType: 'ether',
        mac: '00:16:3e:0a:1b:2c',
        line: 3,
      },
      {
        index: 3,
        name: 'flannel.1',
        flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
        mtu: 1450,
        state: 'UNKNOWN',
        linkType: 'ether',
        mac: '5e:8c:1f:3a:9d:21',
        line: 6,
      },
      {
        index: 4,
        name: 'cni0',
        flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
        mtu: 1450,
        state: 'UP',
        linkType: 'ether',
        mac: '0a:58:ac:14:00:01',
        line: 8,
      },
      {
        index: 5,
        name: 'veth1a2b3c4d',
        peer: 'if3',
        flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
        mtu: 1450,
        state: 'UP',
        master: 'cni0',
        linkType: 'ether',
        mac: '9a:41:7c:02:5e:10',
        line: 10,
      },
      {
        index: 6,
        name: 'kube-ipvs0',
        flags: ['BROADCAST', 'NOARP'],
        mtu: 1500,
        state: 'DOWN',
        linkType: 'ether',
        mac: '2e:11:7a:f0:6c:03',
        line: 12,
      },
      { index: 7, name: 'tunl0', peer: 'NONE', flags: ['NOARP'], mtu: 1480, state: 'DOWN', linkType: 'ipip', line: 14 },
    ]);
    expect(IpLinkValue.parse(value)).toEqual(value);
  });

  it('skips ip -d -s detail lines and reads a pod-side eth0@if13', () => {
    const { value, diagnostics } = parseIpLink(fixture('details-and-stats.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.interfaces.map((i) => [i.index, i.name, i.peer, i.mtu, i.mac, i.line])).toEqual([
      [3, 'flannel.1', undefined, 1450, '5e:8c:1f:3a:9d:21', 1],
      [12, 'eth0', 'if13', 1450, '0a:58:ac:14:01:05', 8],
    ]);
  });

  it('reads ip -o link (one line per interface) with CRLF', () => {
    const { value, diagnostics } = parseIpLink(fixture('oneline.txt').replace(/\n/g, '\r\n'));
    expect(diagnostics).toEqual([]);
    expect(value.interfaces.map((i) => [i.name, i.mtu, i.linkType, i.mac, i.line])).toEqual([
      ['lo', 65536, 'loopback', undefined, 1],
      ['eth0', 9001, 'ether', '02:4f:8a:11:22:33', 2],
    ]);
  });

  it('keeps the interfaces of cut output and points at the cut', () => {
    const { value, diagnostics } = parseIpLink(fixture('broken-cut.txt'), { file: 'ip-link' });
    expect(value.interfaces.map((i) => [i.name, i.state, i.line])).toEqual([
      ['lo', 'UNKNOWN', 1],
      ['eth0', 'UP', 3],
      ['cni0', 'UP', 4],
    ]);
    expect(diagnostics).toEqual([
      { severity: 'warning', code: 'unrecognised-line', message: 'line not recognised as part of ip link output', file: 'ip-link', line: 6 },
    ]);
  });

  it('reports input with no interfaces', () => {
    expect(parseIpLink('Cannot open netlink socket: Permission denied\n').diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['error', 'unrecognised-input', undefined],
      ['warning', 'unrecognised-line', 1],
    ]);
  });

  it('has an example that parses cleanly', () => {
    const { value, diagnostics } = ipLinkParser.parse(ipLinkParser.example);
    expect(diagnostics).toEqual([]);
    expect(value.interfaces.map((i) => i.name)).toEqual(['eth0', 'flannel.1', 'veth1a2b3c4d']);
  });
});
