import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { commandCaptures, repoRoot } from '../command-captures.js';
import { type Ipvsadm, parseIpvsadm } from '../../../src/parsers/linux/ipvsadm.js';
import { type IpvsForwarding, scanIpvsadmForwarding } from '../../../src/parsers/linux/ipvsadm-forwarding-scan.js';
import { rsAddress, vsAddress } from '../../../src/parsers/linux/ipvsadm-forwarding-rows.js';

/** The fields the kube-proxy facts read, with every address as text. */
interface Projected {
  namesResolved: boolean;
  vsProtocol: string[];
  vsAddress: string[];
  vsPort: number[];
  vsFwmark: number[];
  vsRealStart: number[];
  rsAddress: string[];
  rsPort: number[];
  rsWeight: number[];
}

const PLAIN_IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * The scan's value with its addresses as text; checks on the way that an address is a number exactly when it
 * is a plain dotted quad (and then the number of that text), and text exactly when it is not.
 */
function asText(scan: IpvsForwarding): Projected {
  const addresses = (numbers: Float64Array, texts: Map<number, string>, at: (i: number) => string) =>
    Array.from(numbers, (n, i) => {
      const text = at(i);
      expect({ i, text, numeric: n >= 0, inTexts: texts.has(i) }).toEqual({ i, text, numeric: PLAIN_IPV4.test(text), inTexts: !PLAIN_IPV4.test(text) });
      if (n >= 0) expect(text.split('.').reduce((v, part) => v * 256 + Number(part), 0)).toBe(n);
      return text;
    });
  expect([...scan.vsAddressText.keys()].every((i) => scan.vsIPv4[i] === -1)).toBe(true);
  expect([...scan.rsAddressText.keys()].every((i) => scan.rsIPv4[i] === -1)).toBe(true);
  const { namesResolved, vsProtocol, vsIPv4, vsAddressText, rsIPv4, rsAddressText } = scan;
  return {
    namesResolved,
    vsProtocol,
    vsPort: Array.from(scan.vsPort),
    vsFwmark: Array.from(scan.vsFwmark),
    vsRealStart: Array.from(scan.vsRealStart),
    rsPort: Array.from(scan.rsPort),
    rsWeight: Array.from(scan.rsWeight),
    vsAddress: addresses(vsIPv4, vsAddressText, (i) => vsAddress(scan, i)),
    rsAddress: addresses(rsIPv4, rsAddressText, (i) => rsAddress(scan, i)),
  };
}

/** parseIpvsadm's value in the scan's shape: the fields the kube-proxy facts read. */
function project(full: Ipvsadm): Projected {
  const out: Projected = { namesResolved: full.namesResolved, vsProtocol: [], vsAddress: [], vsPort: [], vsFwmark: [], vsRealStart: [], rsAddress: [], rsPort: [], rsWeight: [] };
  for (const vs of full.virtualServers) {
    out.vsProtocol.push(vs.protocol);
    out.vsAddress.push(vs.address ?? '');
    out.vsPort.push(vs.port ?? -1);
    out.vsFwmark.push(vs.fwmark ?? -1);
    out.vsRealStart.push(out.rsAddress.length);
    for (const rs of vs.realServers) {
      out.rsAddress.push(rs.address);
      out.rsPort.push(rs.port ?? -1);
      out.rsWeight.push(rs.weight ?? -1);
    }
  }
  return out;
}

const variants = (text: string) => ({
  text,
  crlf: text.replace(/\n/g, '\r\n'),
  cut: text.slice(0, Math.floor(text.length / 2)),
  cutMidRow: text.slice(0, Math.floor(text.length / 3) + 7),
  garbled:
    `${text.slice(0, Math.floor(text.length / 3))}\nTCP  10.0.0.1:http rr\n  -> 10.0.0.2:80 Masq 1 0\n  -> host-name:80 Masq 1 0 0\n` +
    `TCP\u00a0 10.0.0.3:80 rr\nUDP  [fd00::a]:53 rr\n  -> [fd00::b]:53 Masq 0 0 0\n\u2028\n\t\nnot a row\nFWM  7 IPv6 rr\n  -> 10.0.0.4:1 Route 2 0 0\n` +
    `TCP  1.2.3.4444:80 rr\n  -> 1.2.3.4:08 Masq 007 0 0\n${text.slice(Math.floor(text.length / 3))}`,
});

describe('scanIpvsadmForwarding agrees with parseIpvsadm', () => {
  const files = commandCaptures('ipvsadm', ['ipvsadm']);
  it('finds the fixtures', () => expect(files.length).toBeGreaterThan(5));
  it.each(files.map((f) => [f]))('%s', (relative) => {
    for (const [variant, text] of Object.entries(variants(readFileSync(join(repoRoot, relative), 'utf8')))) {
      const full = parseIpvsadm(text, { file: 'f' });
      const scan = scanIpvsadmForwarding(text, { file: 'f' });
      expect({ variant, ...asText(scan.value) }).toEqual({ variant, ...project(full.value) });
      expect(scan.diagnostics).toEqual(full.diagnostics);
    }
  });
  it('agrees on outputs that are not ipvsadm, empty or blank', () => {
    for (const text of ['', '\n\n', ' \u00a0\n', 'hello\nworld\n', "Can't initialize ipvs: Protocol not available\nAre you sure that IP Virtual Server is built in the kernel or as module?\n"]) {
      const full = parseIpvsadm(text, { file: 'f' });
      const scan = scanIpvsadmForwarding(text, { file: 'f' });
      expect({ value: asText(scan.value), diagnostics: scan.diagnostics }).toEqual({ value: project(full.value), diagnostics: full.diagnostics });
    }
  });
});

// The scan's fast paths read the two common rows in one pass; every variation of them must read as the
// full parser reads it, whether the fast path takes the row or hands it to the general path.
describe('scanIpvsadmForwarding fast rows agree with parseIpvsadm', () => {
  const gap = fc.constantFrom(' ', '  ', '   ', '\t', ' \t', '          ');
  // Parts that make a plain dotted quad (kept as a number) and parts that do not (kept as text, or no address).
  const octet = fc.constantFrom('0', '10', '255', '256', '999', '1000', '', '01', '00', '9', 'a');
  const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
  const address = fc.oneof(ipv4, ipv4, fc.constantFrom('[fd00::1]', '[FD00:0::A]', '[::ffff:10.0.0.1]', '[::]', '[fd00::1', 'host-name', '10.0.0.1.5', '1.2.3'));
  const port = fc.constantFrom('80', '53', '', 'http', '65535', '1234567890', '0');
  const anyEndpoint = fc.tuple(address, fc.constantFrom(':', ':', ''), port).map((p) => p.join(''));
  const endpoint = fc.oneof(anyEndpoint, fc.tuple(fc.constantFrom('10.0.0.1', '172.16.0.10', '192.168.255.241'), fc.constantFrom('80', '53', '0', '65535')).map(([a, p]) => `${a}:${p}`));
  const word = fc.constantFrom('rr', 'Masq', 'Route', 'persistent', '10800', 'wlc', '1', '0', '12', 'x\u00e9', '-', 'a\u0001b', "Can't", "Can't initialize ipvs", 'initialize');
  // Numbers past 2^53 are left out of the full parser's value (number-out-of-range) but read by the scan: not generated here.
  const number = fc.constantFrom('0', '1', '7', '123456789012345', '1234567890123456', '9007199254740991', 'x', '3K', '');
  const virtual = fc
    .tuple(fc.constantFrom('TCP', 'UDP', 'SCTP', 'TCP ', 'FWM', 'tcp'), gap, endpoint, fc.array(fc.tuple(gap, word), { maxLength: 8 }), fc.constantFrom('', ' ', '\t', '\r'))
    .map(([p, g, e, rest, tail]) => `${p}${g}${e}${rest.map(([a, b]) => a + b).join('')}${tail}`);
  const real = fc
    .tuple(fc.constantFrom('  -> ', '  ->  ', '\t-> ', ' -> ', '  ->'), endpoint, fc.array(fc.tuple(gap, fc.oneof(word, number)), { maxLength: 7 }), fc.constantFrom('', '         ', '\t'))
    .map(([lead, e, rest, tail]) => `${lead}${e}${rest.map(([a, b]) => a + b).join('')}${tail}`);
  // Six columns as ipvsadm prints them, with one of them possibly off.
  const sixColumns = fc
    .tuple(endpoint, gap, word, gap, number, gap, number, gap, number, fc.constantFrom('', '         ', '\t'))
    .map((p) => `  -> ${p.join('')}`);
  const header = fc.constantFrom(
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
    'Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes',
    "Can't initialize ipvs: Protocol not available",
    '',
  );
  const good = (p: string) => `${p}  10.0.0.1:80 rr\n  -> 10.1.0.2:8080                Masq    1      0          0         `;
  const texts = fc.array(fc.oneof(virtual, real, sixColumns, header, fc.constantFrom(good('TCP'), good('UDP'))), { maxLength: 30 }).map((rows) => rows.join('\n'));
  it('on random rows around the common shapes', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const full = parseIpvsadm(text, { file: 'f' });
        const scan = scanIpvsadmForwarding(text, { file: 'f' });
        expect(asText(scan.value)).toEqual(project(full.value));
        expect(scan.diagnostics).toEqual(full.diagnostics);
      }),
      { numRuns: 4000 },
    );
  });
});
