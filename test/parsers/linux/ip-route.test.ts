import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ipRouteParser, IpRouteValue, parseIpRoute } from '../../../src/parsers/linux/ip-route.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/outputs/ip-route/${name}`, import.meta.url), 'utf8');

describe('ip-route parser', () => {
  it('reads a flannel node: default route, onlink vxlan routes, linkdown docker0', () => {
    const { value, diagnostics } = parseIpRoute(fixture('flannel-node.txt'), { file: 'nodes/n1/ip-route' });
    expect(diagnostics).toEqual([]);
    expect(value.routes).toEqual([
      { destination: 'default', via: '192.168.0.253', dev: 'eth0', proto: 'dhcp', src: '192.168.0.10', metric: 100, flags: [], line: 1 },
      { destination: '172.17.0.0/16', dev: 'docker0', proto: 'kernel', scope: 'link', src: '172.17.0.1', flags: ['linkdown'], line: 2 },
      { destination: '172.20.0.0/24', dev: 'cni0', proto: 'kernel', scope: 'link', src: '172.20.0.1', flags: [], line: 3 },
      { destination: '172.20.1.0/24', via: '172.20.1.0', dev: 'flannel.1', flags: ['onlink'], line: 4 },
      { destination: '172.20.2.0/24', via: '172.20.2.0', dev: 'flannel.1', flags: ['onlink'], line: 5 },
      { destination: '192.168.0.0/24', dev: 'eth0', proto: 'kernel', scope: 'link', src: '192.168.0.10', flags: [], line: 6 },
      {
        destination: '192.168.0.253',
        dev: 'eth0',
        proto: 'dhcp',
        scope: 'link',
        src: '192.168.0.10',
        metric: 100,
        flags: [],
        line: 7,
      },
    ]);
    expect(IpRouteValue.parse(value)).toEqual(value);
  });

  it('reads ECMP nexthops, route types, table all and IPv6 (CRLF)', () => {
    const { value, diagnostics } = parseIpRoute(fixture('calico-ecmp-ipv6.txt').replace(/\n/g, '\r\n'));
    expect(diagnostics).toEqual([]);
    expect(value.routes).toEqual([
      {
        destination: 'default',
        proto: 'static',
        metric: 100,
        flags: [],
        nexthops: [
          { via: '10.0.0.1', dev: 'eth0', weight: 1, flags: [] },
          { via: '10.0.1.1', dev: 'eth1', weight: 1, flags: ['dead', 'linkdown'] },
        ],
        line: 1,
      },
      { destination: '10.244.1.0/26', type: 'blackhole', proto: 'bird', flags: [], line: 4 },
      { destination: '10.244.2.0/26', via: '10.0.0.6', dev: 'tunl0', proto: 'bird', flags: ['onlink'], line: 5 },
      { destination: '10.244.1.7', dev: 'cali4c2b1d0e9f1', scope: 'link', flags: [], line: 6 },
      { destination: '10.244.9.0/24', type: 'unreachable', metric: 50, flags: [], line: 7 },
      {
        destination: '10.0.0.4',
        type: 'local',
        dev: 'eth0',
        table: 'local',
        proto: 'kernel',
        scope: 'host',
        src: '10.0.0.4',
        flags: [],
        line: 8,
      },
      {
        destination: '10.0.0.255',
        type: 'broadcast',
        dev: 'eth0',
        table: 'local',
        proto: 'kernel',
        scope: 'link',
        src: '10.0.0.4',
        flags: [],
        line: 9,
      },
      { destination: '::1', dev: 'lo', proto: 'kernel', metric: 256, flags: [], line: 10 },
      { destination: 'fd00:10:244:1::/64', via: 'fe80::1', dev: 'eth0', metric: 1024, flags: [], line: 11 },
      { destination: 'default', via: 'fe80::1', dev: 'eth0', proto: 'ra', metric: 1024, flags: [], line: 12 },
    ]);
  });

  it('keeps readable routes around garbage and cut lines', () => {
    const { value, diagnostics } = parseIpRoute(fixture('broken-garbled.txt'), { file: 'ip-route' });
    expect(value.routes.map((r) => [r.destination, r.line, r.nexthops?.length])).toEqual([
      ['default', 1, undefined],
      ['10.0.0.0/24', 3, 1],
    ]);
    expect(diagnostics).toEqual([
      { severity: 'warning', code: 'unrecognised-line', message: 'line not recognised as an ip route entry', file: 'ip-route', line: 2 },
      { severity: 'warning', code: 'unrecognised-line', message: 'line not recognised as an ip route entry', file: 'ip-route', line: 5 },
    ]);
  });

  it('reports input with no routes', () => {
    expect(parseIpRoute('RTNETLINK answers: Operation not permitted\n').diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['error', 'unrecognised-input', undefined],
      ['warning', 'unrecognised-line', 1],
    ]);
  });

  it('has an example that parses cleanly', () => {
    const { value, diagnostics } = ipRouteParser.parse(ipRouteParser.example);
    expect(diagnostics).toEqual([]);
    expect(value.routes.map((r) => r.type ?? r.destination)).toEqual(['default', '10.244.1.0/24', '172.20.0.0/24', 'blackhole']);
  });
});
