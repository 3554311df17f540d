import { describe, expect, it } from 'vitest';
import { AliyunRouteEntriesValue, aliyunRouteEntriesParser, parseAliyunRouteEntries } from '../../../src/parsers/cloud/aliyun-route-entries.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('aliyun-route-entries', name);

describe('aliyun-route-entries parser', () => {
  it('reads system routes, per-node pod CIDR routes, the NAT default route and ECMP next hops', () => {
    const { value, diagnostics } = parseAliyunRouteEntries(fixture('ack-pod-routes.json'), { file: 'cloud/aliyun-route-entries.json' });
    expect(diagnostics).toEqual([]);
    expect(value.routeTables).toHaveLength(1);
    expect(value.routeTables[0]?.routeTableId).toBe('vtb-bp145q7glnuzdvzu2h6q9');
    expect(value.routeTables[0]?.routes).toEqual([
      { destination: '192.168.0.0/24', type: 'System', status: 'Available', routeEntryId: 'rte-bp1mnnr2al0naomnpxxk7', nextHops: [{ type: 'local' }], line: 6 },
      { destination: '100.64.0.0/10', type: 'System', status: 'Available', routeEntryId: 'rte-bp1pq2w3e4r5t6y7u8i9o0', nextHops: [{ type: 'service' }], line: 27 },
      {
        destination: '172.20.0.0/26',
        type: 'Custom',
        status: 'Available',
        routeEntryId: 'rte-bp1z8x7c6v5b4n3m2l1k0j',
        name: 'cce-node-1',
        nextHops: [{ type: 'Instance', id: 'i-bp1a7z9xyz0ekxh2lmk8' }],
        line: 48,
      },
      {
        destination: '172.20.0.64/26',
        type: 'Custom',
        status: 'Available',
        routeEntryId: 'rte-bp1h6g5f4d3s2a1q0w9e8r',
        name: 'cce-node-2',
        nextHops: [{ type: 'Instance', id: 'i-bp1c3v4b5n6m7a8s9d0f1g' }],
        line: 69,
      },
      {
        destination: '0.0.0.0/0',
        type: 'Custom',
        status: 'Available',
        routeEntryId: 'rte-bp1t5r4e3w2q1a0s9d8f7g',
        nextHops: [{ type: 'NatGateway', id: 'ngw-bp1uewa15k4iy5770yt8s' }],
        line: 90,
      },
      {
        destination: '10.10.0.0/16',
        type: 'Custom',
        status: 'Pending',
        routeEntryId: 'rte-bp1y6t5r4e3w2q1z0x9c8v',
        nextHops: [
          { type: 'RouterInterface', id: 'ri-bp1ecmp0000001aaaaa' },
          { type: 'RouterInterface', id: 'ri-bp1ecmp0000002bbbbb' },
        ],
        line: 111,
      },
    ]);
    expect(AliyunRouteEntriesValue.parse(value)).toEqual(value);
  });

  it('groups two route tables read from two pages, IPv6 included', () => {
    const { value, diagnostics } = parseAliyunRouteEntries(fixture('two-tables-pages.json'));
    expect(diagnostics).toEqual([]);
    expect(value.routeTables.map((t) => [t.routeTableId, t.routes.map((r) => [r.destination, r.line])])).toEqual([
      ['vtb-uf6ek3lqw8c9b1a2z0y5x', [['10.0.0.0/24', 7]]],
      [
        'vtb-uf6m9n8b7v6c5x4z3a2s1',
        [
          ['172.16.5.0/24', 36],
          ['2408:4005:3c5:4e03::/64', 57],
        ],
      ],
    ]);
  });

  it('takes a next hop written on the entry itself (DescribeRouteTables style), CRLF', () => {
    const text = '[\r\n{"RouteTableId": "vtb-1", "DestinationCidrBlock": "172.20.1.0/24", "NextHopType": "Instance", "InstanceId": "i-1"}\r\n]';
    expect(parseAliyunRouteEntries(text).value).toEqual({
      routeTables: [{ routeTableId: 'vtb-1', routes: [{ destination: '172.20.1.0/24', nextHops: [{ type: 'Instance', id: 'i-1' }], line: 2 }] }],
    });
  });

  it('keeps good entries and warns, with lines, about bad ones', () => {
    const { value, diagnostics } = parseAliyunRouteEntries(fixture('broken-bad-entries.json'), { file: 'r.json' });
    expect(value.routeTables[0]?.routes.map((r) => r.routeEntryId)).toEqual(['rte-bp1ok0000000000000001', 'rte-bp1bad00000000000003']);
    expect(brief(diagnostics)).toEqual([
      { severity: 'warning', code: 'cloud-item-not-an-object', line: 53 },
      { severity: 'warning', code: 'route-without-destination', line: 26 },
      { severity: 'warning', code: 'invalid-cidr', line: 32 },
    ]);
  });

  it('parses its own documentation example', () => {
    expect(aliyunRouteEntriesParser.parse(aliyunRouteEntriesParser.example).diagnostics).toEqual([]);
  });
});
