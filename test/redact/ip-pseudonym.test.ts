import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../src/cidr/index.js';
import { IpPseudonyms } from '../../src/redact/ip-pseudonym.js';
import { keptRanges } from '../../src/redact/ip-classes.js';
import { createPrf } from '../../src/redact/prf.js';
import { rewriteAddresses } from '../../src/redact/address-text.js';
import { cidrContains } from '../../src/cidr/index.js';

const keyA = new Uint8Array(32).fill(1);
const keyB = new Uint8Array(32).fill(2);

function bits(address: string): string {
  const { family, value } = parseAddress(address);
  return value.toString(2).padStart(family === 4 ? 32 : 128, '0');
}

function commonPrefix(a: string, b: string): number {
  const x = bits(a);
  const y = bits(b);
  let n = 0;
  while (n < x.length && x[n] === y[n]) n++;
  return n;
}

/** A seeded generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function v4In(next: () => number, base: string, prefix: number): string {
  const { value } = parseAddress(base);
  const host = BigInt(Math.floor(next() * 2 ** (32 - prefix)));
  const v = (value & ~((1n << BigInt(32 - prefix)) - 1n)) | host;
  return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join('.');
}

function v6In(next: () => number, prefix: string): string {
  const groups = Array.from({ length: 7 }, () => Math.floor(next() * 65536).toString(16));
  return `${prefix}:${groups.join(':')}`;
}

describe('prefix-preserving address pseudonyms', () => {
  const ips = new IpPseudonyms(createPrf(keyA));
  const next = random(20261203);

  it('keeps the common-prefix length of any two addresses of a range (IPv4 private, IPv4 public, IPv6)', () => {
    const samples: Array<[string[], number]> = [
      [Array.from({ length: 60 }, () => v4In(next, '10.0.0.0', 8)).concat(Array.from({ length: 30 }, () => v4In(next, '10.244.7.0', 24))), 8],
      [Array.from({ length: 60 }, () => v4In(next, '172.16.0.0', 12)), 12],
      [Array.from({ length: 60 }, () => v4In(next, '192.168.0.0', 16)), 16],
      [Array.from({ length: 60 }, () => v4In(next, '47.0.0.0', 8)).filter((a) => !a.startsWith('47.0.')), 8],
      [Array.from({ length: 40 }, () => v6In(next, 'fd00')).concat(Array.from({ length: 20 }, () => v6In(next, 'fd00'))), 7],
      [Array.from({ length: 40 }, () => v6In(next, '2408')), 16],
    ];
    for (const [addresses, fixed] of samples) {
      const mapped = addresses.map((a) => ips.mapAddress(a)!);
      for (let i = 0; i < addresses.length; i++) {
        expect(commonPrefix(mapped[i]!, addresses[i]!)).toBeGreaterThanOrEqual(fixed);
        for (let j = i + 1; j < addresses.length; j++) {
          if (addresses[i] === addresses[j]) continue;
          expect(commonPrefix(mapped[i]!, mapped[j]!), `${addresses[i]} ${addresses[j]}`).toBe(commonPrefix(addresses[i]!, addresses[j]!));
        }
      }
    }
  });

  it('maps a block onto a block: containment and prefix length unchanged', () => {
    const block = ips.mapCidr('10.244.0.0', 16)!;
    expect(block).toMatch(/^10\.\d+\.0\.0\/16$/);
    for (let i = 0; i < 50; i++) {
      const inside = v4In(next, '10.244.0.0', 16);
      expect(cidrContains(block, ips.mapAddress(inside)!)).toBe(true);
      const outside = v4In(next, '10.245.0.0', 16);
      expect(cidrContains(block, ips.mapAddress(outside)!)).toBe(false);
    }
    // A block as big as its class is itself; an interface address keeps its address's pseudonym.
    expect(ips.mapCidr('10.0.0.0', 8)).toBe('10.0.0.0/8');
    expect(ips.mapCidr('10.244.4.1', 24)).toBe(`${ips.mapAddress('10.244.4.1')}/24`);
  });

  it('is a bijection on a range (no two addresses share a pseudonym)', () => {
    const all = Array.from({ length: 256 }, (_, i) => `192.168.7.${i}`);
    expect(new Set(all.map((a) => ips.mapAddress(a))).size).toBe(256);
  });

  it('keeps a range a-b the same size inside its block', () => {
    const out = rewriteAddresses('no IP addresses available in range set: 172.30.154.129-172.30.154.190', ips, () => undefined).text;
    const [first, last] = /(\S+)-(\S+)$/.exec(out)!.slice(1) as [string, string];
    expect(parseAddress(last).value - parseAddress(first).value).toBe(61n);
    expect(first).not.toBe('172.30.154.129');
  });

  it('is deterministic per key, and another key gives other pseudonyms', () => {
    const again = new IpPseudonyms(createPrf(keyA));
    const other = new IpPseudonyms(createPrf(keyB));
    const addresses = ['10.1.2.3', '172.20.0.5', '192.168.9.9', '47.98.41.166', 'fd00::1234', '2408:8000::1'];
    expect(addresses.map((a) => again.mapAddress(a))).toEqual(addresses.map((a) => ips.mapAddress(a)));
    const differ = addresses.filter((a) => other.mapAddress(a) !== ips.mapAddress(a));
    expect(differ.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps special ranges: loopback, link-local, metadata, multicast, broadcast, documentation, netmasks', () => {
    for (const a of ['127.0.0.1', '169.254.169.254', '100.100.100.200', '100.100.2.136', '0.0.0.0', '224.0.0.1', '255.255.255.255', '255.255.255.0', '192.0.2.7', '198.51.100.1', '203.0.113.45', '::1', '::', 'fe80::1', 'ff02::1', '2001:db8::5']) {
      expect(ips.mapAddress(a), a).toBeUndefined();
      expect(rewriteAddresses(`x ${a} y`, ips, () => undefined).text).toBe(`x ${a} y`);
    }
    expect(keptRanges).toContain('169.254.0.0/16');
  });

  it('maps private ranges inside themselves and never into a kept range', () => {
    for (let i = 0; i < 300; i++) {
      expect(ips.mapAddress(v4In(next, '10.0.0.0', 8))).toMatch(/^10\./);
      expect(cidrContains('172.16.0.0/12', ips.mapAddress(v4In(next, '172.16.0.0', 12))!)).toBe(true);
      const cgnat = ips.mapAddress(v4In(next, '100.64.0.0', 10).replace(/^100\.100\./, '100.101.'))!;
      expect(cidrContains('100.64.0.0/10', cgnat) && !cgnat.startsWith('100.100.')).toBe(true);
      const pub = ips.mapAddress(v4In(next, '172.0.0.0', 8).replace(/^172\.(1[6-9]|2\d|3[01])\./, '172.40.'))!;
      expect(cidrContains('172.16.0.0/12', pub)).toBe(false);
    }
  });
});

describe('finding addresses in text', () => {
  const ips = new IpPseudonyms(createPrf(keyA));
  const rewrite = (text: string) => rewriteAddresses(text, ips, () => undefined).text;

  it('rewrites addresses and CIDRs where captures put them', () => {
    for (const text of ['-A KUBE-SERVICES ! -s 10.244.0.0/16 -d 10.96.0.10/32 -p udp', 'TCP  10.96.0.1:443 rr', '"IPAddress": "10.244.4.2"', 'nodes/cn-hangzhou.192.168.0.10/dmesg', 'FLANNEL_SUBNET=10.244.4.1/24', 'addr fd00::5/64', '::ffff:10.0.0.1']) {
      expect(rewrite(text), text).not.toBe(text);
    }
    expect(rewrite('TCP  10.96.0.1:443 rr')).toMatch(/^TCP {2}10\.\d+\.\d+\.\d+:443 rr$/);
    expect(rewrite('nodes/cn-hangzhou.192.168.0.10/dmesg')).toMatch(/^nodes\/cn-hangzhou\.192\.168\.\d+\.\d+\/dmesg$/);
  });

  it('leaves versions, image tags, OIDs, times and MAC addresses alone', () => {
    for (const text of ['image: registry/acs/coredns:v1.9.3.10-7dfca203', 'image: foo:1.2.3.4', 'oid 1.3.6.1.4.1.2021', 'I1203 08:49:23.123456 proxier', 'link/ether 02:42:ac:11:00:02', 'version 1.2.3', 'std::vector']) {
      expect(rewrite(text), text).toBe(text);
    }
  });
});

describe('tokens after a JSON escape', () => {
  it('rewrites an address right after \\n inside a JSON string', () => {
    const ips = new IpPseudonyms(createPrf(keyA));
    const text = String.raw`"config": "nonMasqueradeCIDRs:\n10.244.0.0/16\n"`;
    expect(rewriteAddresses(text, ips, () => undefined).text).toBe(String.raw`"config": "nonMasqueradeCIDRs:\n${ips.mapCidr('10.244.0.0', 16)}\n"`);
  });
});
