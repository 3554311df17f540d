import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { norm } from '../../../src/facts/kube-proxy/ipvs-address-keys.js';
import { forwardsToEveryEndpoint } from '../../../src/facts/kube-proxy/kube-proxy-expected-entries.js';
import { computeNodeForwarding } from '../../../src/facts/kube-proxy/kube-proxy-node-rules.js';
import { describeClusterIPPort, describeNodePort, hostPort, proxiedServicePorts } from '../../../src/facts/kube-proxy/kube-proxy-service-ports.js';
import { indexSnapshot, objectKey, type SnapshotIndex } from '../../../src/facts/snapshot-index.js';
import { parseIpvsadm } from '../../../src/parsers/linux/ipvsadm.js';
import { buildSnapshot } from '../../../src/snapshot/build-snapshot.js';

/**
 * The IPVS check compares addresses and ports by number (ipvs-address-keys.ts, kube-proxy-ready-endpoints.ts)
 * and keeps text only for what is not a plain dotted quad with a port up to 65535. This reference does it all
 * with strings over parseIpvsadm's full value, as the check did before: both must give the same entries,
 * missing entries and real-server mismatches, in the same order, whatever mix of address forms a node prints.
 */
function reference(index: SnapshotIndex, text: string) {
  const parsed = parseIpvsadm(text, { file: 'f' }).value;
  const { ports, clusterIPs } = proxiedServicePorts(index);
  const byAddress = new Map<string, (typeof parsed.virtualServers)[number]>();
  const byNodePort = new Map<string, (typeof parsed.virtualServers)[number]>();
  for (const vs of parsed.virtualServers) {
    const address = norm(vs.address);
    if (address === undefined || vs.port === undefined) continue;
    if (clusterIPs.has(address)) byAddress.set(`${address}|${vs.port}|${vs.protocol}`, vs);
    else byNodePort.set(`${vs.port}|${vs.protocol}`, vs);
  }
  const missing: string[] = [];
  const mismatches: string[] = [];
  let checked = 0;
  for (const p of ports) {
    for (const ip of p.clusterIPs) {
      checked++;
      const vs = byAddress.get(`${ip}|${p.port}|${p.protocol}`);
      if (!vs) {
        missing.push(describeClusterIPPort(p, ip));
        continue;
      }
      if (!forwardsToEveryEndpoint(p.service)) continue;
      const expected = new Set<string>();
      for (const ep of index.endpointsByService.get(objectKey(p.service.namespace, p.service.name)) ?? []) {
        const epPort = ep.ports.find((q) => (q.name ?? '') === p.portName && q.protocol.toUpperCase() === p.protocol);
        for (const a of epPort ? ep.addresses : []) {
          const address = a.ready ? norm(a.ip) : undefined;
          if (address !== undefined) expected.add(hostPort(address, epPort!.port));
        }
      }
      const actual = new Set<string>();
      let weighted = 0;
      for (const rs of vs.realServers) {
        const address = rs.weight !== 0 && rs.port !== undefined ? norm(rs.address) : undefined;
        if (address === undefined) continue;
        weighted++;
        actual.add(hostPort(address, rs.port!));
      }
      // As many weighted real servers as ready endpoints, each one of them: no mismatch (IPVS holds no
      // real server twice in one virtual server, so a repeated row, which only a hand-made file has, is not looked for).
      if (weighted === expected.size && [...actual].every((t) => expected.has(t))) continue;
      const absent = [...expected].filter((t) => !actual.has(t)).sort();
      const extra = [...actual].filter((t) => !expected.has(t)).sort();
      if (absent.length === 0 && extra.length === 0) continue;
      const list = (l: string[]) => `${l.slice(0, 3).join(' ')}${l.length > 3 ? ` (+${l.length - 3})` : ''}`;
      const parts = [
        ...(absent.length > 0 ? [`ready endpoints without a real server: ${list(absent)}`] : []),
        ...(extra.length > 0 ? [`real servers that are no ready endpoint: ${list(extra)}`] : []),
      ];
      mismatches.push(`${describeClusterIPPort(p, ip)} (${parts.join('; ')})`);
    }
    if (p.nodePort !== undefined) {
      checked++;
      if (!byNodePort.has(`${p.nodePort}|${p.protocol}`)) missing.push(describeNodePort(p));
    }
  }
  return { checked, missing, mismatches };
}

// Cluster IPs of the Services, other addresses, and spellings ipvsadm or a hand-edited capture may use.
const clusterIPv4 = ['10.96.0.10', '10.96.0.11', '10.96.255.250'];
const clusterIPv6 = ['fd00::10', 'fd00:10:96::a'];
const endpointIPs = ['10.244.1.2', '10.244.1.3', '10.244.255.255', 'fd00:244::2', 'FD00:244::3', '0.0.0.0', '255.255.255.255', 'not-an-ip'];
const printed = (address: string) =>
  fc.constantFrom(
    address.includes(':') ? `[${address}]` : address,
    address.includes(':') ? `[${address.toUpperCase()}]` : `[::ffff:${address}]`,
    address.includes(':') ? `[${address.replace('::', ':0::')}]` : address.replace(/^(\d+)\./, '0$1.'),
  );
const anyAddress = fc.oneof(
  { arbitrary: fc.constantFrom(...clusterIPv4, ...clusterIPv4, ...endpointIPs.filter((a) => a !== 'not-an-ip')).chain(printed), weight: 10 },
  { arbitrary: fc.constantFrom(...clusterIPv6, 'fd00:244::2').chain(printed), weight: 4 },
  { arbitrary: fc.constantFrom('192.168.0.10', '127.0.0.1', '999.1.1.1'), weight: 2 },
);
const protocol = fc.constantFrom('TCP', 'UDP', 'SCTP');
const port = fc.constantFrom(53, 80, 443, 8080, 30080, 30081, 0, 65535, 65536, 123456789);
const column = fc.constantFrom('0', '1', '7', '1234567890123', '9007199254740991');

const realRow = fc
  .tuple(anyAddress, port, fc.constantFrom('0', '1', '1', '1', '100'), column, column)
  .map(([a, p, weight, active, inactive]) => `  -> ${a}:${p}          Masq    ${weight}      ${active}          ${inactive}         `);
const virtualRow = fc
  .tuple(protocol, anyAddress, port, fc.constantFrom('rr', 'wrr persistent 10800', 'sh sh-port'), fc.array(realRow, { maxLength: 4 }))
  .map(([pr, a, p, scheduler, reals]) => [`${pr}  ${a}:${p} ${scheduler}`, ...reals].join('\n'));
// ipvsadm's pattern reads `1.2.3` as a name: a capture with such a row is -L without -n.
const namedRow = fc.oneof({ arbitrary: fc.constant(null), weight: 7 }, { arbitrary: fc.constantFrom('TCP  1.2.3:53 rr', '  -> kube-dns.kube-system:53 Masq 1 0 0'), weight: 1 });
/** Rows for the Services' own entries as kube-proxy would program them, mostly: some left out, real servers dropped, drained, or added. */
function programmedRows(services: GeneratedService[]): fc.Arbitrary<string[]> {
  const rows: Array<fc.Arbitrary<string>> = [];
  for (const s of services) {
    for (const p of s.ports) {
      for (const ip of s.clusterIPs as readonly string[]) {
        // An endpoint that is no address has no real server (a name would make the capture one without -n).
        const reals = s.endpoints.map((e) =>
          fc
            .tuple(e.ip === 'not-an-ip' ? fc.constant('drop') : fc.constantFrom('keep', 'keep', 'keep', 'drop', 'drained'), printed(e.ip))
            .map(([what, a]) => (what === 'drop' ? '' : `  -> ${a}:${s.endpointPort}          Masq    ${what === 'drained' ? 0 : 1}      0          0         `)),
        );
        rows.push(
          fc
            .tuple(fc.constantFrom(true, true, true, false), printed(ip), fc.tuple(...reals), fc.option(realRow, { freq: 4 }))
            .map(([present, a, r, extra]) => (present ? [`${p.protocol.toUpperCase()}  ${a}:${p.port} rr`, ...r.filter((x) => x !== ''), ...(extra === null ? [] : [extra])].join('\n') : '')),
        );
      }
    }
  }
  return fc.tuple(...rows).map((r) => r.filter((x) => x !== ''));
}

const ipvsadmFor = (services: GeneratedService[]) =>
  fc
    .tuple(programmedRows(services), fc.array(virtualRow, { maxLength: 6 }))
    .map(([own, other]) => [...own, ...other])
    .chain((rows) => fc.shuffledSubarray(rows, { minLength: rows.length }))
    .chain((rows) => namedRow.map((named) => (named === null ? rows : [...rows, named])))
    .map((rows) =>
    [
      'IP Virtual Server version 1.2.1 (size=4096)',
      'Prot LocalAddress:Port Scheduler Flags',
      '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
      // Always one virtual server on a cluster IP: the node is in IPVS mode.
      'TCP  10.96.0.1:443 rr',
      ...rows,
      '',
    ].join('\n'),
  );

type GeneratedService = typeof service extends fc.Arbitrary<infer T> ? T : never;

const servicePort = fc.record({ name: fc.constantFrom('', 'http', 'dns'), port, protocol: fc.constantFrom('TCP', 'UDP', 'SCTP', 'tcp'), nodePort: fc.constantFrom(undefined, 30080, 30081, 123456789) });
const service = fc.record({
  clusterIPs: fc.oneof(fc.tuple(fc.constantFrom(...clusterIPv4)), fc.tuple(fc.constantFrom(...clusterIPv4), fc.constantFrom(...clusterIPv6)), fc.tuple(fc.constantFrom(...clusterIPv6))),
  ports: fc.array(servicePort, { minLength: 1, maxLength: 3 }),
  local: fc.boolean(),
  endpoints: fc.array(fc.record({ ip: fc.constantFrom(...endpointIPs), ready: fc.boolean() }), { maxLength: 4 }),
  endpointPort: port,
});

function snapshotOf(services: GeneratedService[], text: string) {
  const items: unknown[] = [
    { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.0.10' }] } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default' }, spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP' }] } },
  ];
  services.forEach((s, i) => {
    const ports = s.ports.map((p, j) => ({ ...p, name: p.name === '' ? undefined : `${p.name}${j}` }));
    items.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `s${i}`, namespace: 'ns' },
      spec: { type: 'NodePort', clusterIP: s.clusterIPs[0], clusterIPs: s.clusterIPs, ports, internalTrafficPolicy: s.local ? 'Local' : 'Cluster' },
    });
    items.push({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: `s${i}`, namespace: 'ns' },
      subsets: [
        {
          addresses: s.endpoints.filter((e) => e.ready).map((e) => ({ ip: e.ip })),
          notReadyAddresses: s.endpoints.filter((e) => !e.ready).map((e) => ({ ip: e.ip })),
          ports: ports.map((p) => ({ name: p.name, port: s.endpointPort, protocol: p.protocol })),
        },
      ],
    });
  });
  const { snapshot } = buildSnapshot([
    { path: 'objects.json', text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }) },
    { path: 'nodes/n1/ipvsadm', text },
  ]);
  return indexSnapshot(snapshot);
}

describe('the IPVS check by numbers agrees with a check by strings', () => {
  it('on random Services, endpoints and ipvsadm -Ln rows (IPv4, IPv6, mapped, leading zeros, ports past 65535)', () => {
    let named = 0;
    fc.assert(
      fc.property(fc.array(service, { maxLength: 5 }).chain((services) => fc.tuple(fc.constant(services), ipvsadmFor(services))), ([services, text]) => {
        const index = snapshotOf(services, text);
        const node = index.nodesByName.get('n1')!;
        // A row printed with a name (`1.2.3:53` is one to ipvsadm's pattern) means -L without -n: not evaluated.
        if (parseIpvsadm(text).value.namesResolved) {
          named++;
          expect(() => computeNodeForwarding(index, node)).toThrow(/captured with -n \(ipvsadm -Ln\): nodes\/n1\/ipvsadm shows names instead of addresses/);
          return;
        }
        const got = computeNodeForwarding(index, node);
        expect(got.mode).toBe('ipvs');
        expect({ checked: got.checked, missing: got.missing.map((m) => m.text), mismatches: got.mismatches.map((m) => m.text) }).toEqual(reference(index, text));
      }),
      { numRuns: 400 },
    );
    // Most runs compare findings; some are captures without -n.
    expect(named).toBeGreaterThan(10);
    expect(named).toBeLessThan(250);
  });

  it('finds a Service printed in every form, and compares its real servers (a fixed case)', () => {
    const text = [
      'Prot LocalAddress:Port Scheduler Flags',
      'TCP  10.96.0.1:443 rr',
      'TCP  010.96.0.10:80 rr',
      '  -> [::ffff:10.244.1.2]:8080      Masq    1      0          0',
      '  -> 10.244.1.3:8080               Masq    0      0          0',
      'UDP  [FD00:0::10]:53 rr',
      '  -> [fd00:244::2]:53              Masq    1      0          0',
      'TCP  192.168.0.10:30080 rr',
      '',
    ].join('\n');
    const index = snapshotOf(
      [
        {
          clusterIPs: ['10.96.0.10', 'fd00::10'],
          ports: [{ name: 'http', port: 80, protocol: 'TCP', nodePort: 30080 }],
          local: false,
          endpoints: [{ ip: '10.244.1.2', ready: true }],
          endpointPort: 8080,
        },
      ],
      text,
    );
    const got = computeNodeForwarding(index, index.nodesByName.get('n1')!);
    // 010.96.0.10 is not an address (leading zero): the IPv4 ClusterIP entry is missing; the IPv6 one (port 80) too,
    // as the node has its UDP 53 only; the NodePort is there.
    expect(got.missing.map((m) => m.text)).toEqual(['ns/s0:http0 10.96.0.10:80/TCP', 'ns/s0:http0 [fd00::10]:80/TCP']);
    expect(got.checked).toBe(4);
    expect(reference(index, text)).toEqual({ checked: 4, missing: got.missing.map((m) => m.text), mismatches: [] });
  });
});
