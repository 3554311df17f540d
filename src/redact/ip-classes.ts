import { type IpFamily, parseCidr } from '../cidr/index.js';

/**
 * Which addresses keep their value and which are pseudonymised inside which range.
 * Kept as they are (they say nothing about the user's network, and rules or the
 * documents name them): unspecified and "this network", loopback, link-local
 * (169.254.0.0/16 — cloud metadata lives there — and fe80::/10), multicast, the
 * reserved 240.0.0.0/4 (with broadcast, and netmasks such as 255.255.255.0), the
 * documentation ranges, NAT64, and Alibaba Cloud's service range 100.100.0.0/16
 * (DNS 100.100.2.136/138, metadata 100.100.100.200).
 * Mapped inside themselves (their fixed bits kept, the rest permuted), so a rule
 * asking "is it private", or comparing against ip-masq-agent's defaults, keeps its
 * verdict: 10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7.
 * Every other address keeps its first 8 (IPv4) or 16 (IPv6) bits, and the rest is
 * permuted; an image that would land in a kept or private range is mapped again
 * (cycle walking), so the mapping stays a bijection and never invents a special address.
 */
export interface AddressClass {
  /** `kept`, or the range an address is permuted within. */
  name: string;
  family: IpFamily;
  kept: boolean;
  /** Leading bits never changed. */
  fixedBits: number;
  /** The range's first address (fixed bits; for `public`, the address's own). */
  start: bigint;
}

interface Range {
  family: IpFamily;
  start: bigint;
  prefix: number;
  cidr: string;
}

function range(cidr: string): Range {
  const block = parseCidr(cidr);
  return { family: block.family, start: block.start, prefix: block.prefix, cidr };
}

export const keptRanges: readonly string[] = [
  '0.0.0.0/8',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '224.0.0.0/4',
  '240.0.0.0/4',
  '192.0.2.0/24',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '100.100.0.0/16',
  '::/128',
  '::1/128',
  'fe80::/10',
  'ff00::/8',
  '2001:db8::/32',
  '64:ff9b::/96',
];

export const privateRanges: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7'];

const kept = keptRanges.map(range);
const privates = privateRanges.map(range);

function inRange(family: IpFamily, value: bigint, r: Range): boolean {
  if (family !== r.family) return false;
  const bits = family === 4 ? 32 : 128;
  return value >> BigInt(bits - r.prefix) === r.start >> BigInt(bits - r.prefix);
}

/** The class of an address: kept, one of the private ranges, or public (its first 8 / 16 bits fixed). */
export function classify(family: IpFamily, value: bigint): AddressClass {
  for (const r of kept) if (inRange(family, value, r)) return { name: 'kept', family, kept: true, fixedBits: family === 4 ? 32 : 128, start: value };
  for (const r of privates) if (inRange(family, value, r)) return { name: r.cidr, family, kept: false, fixedBits: r.prefix, start: r.start };
  const fixedBits = family === 4 ? 8 : 16;
  const bits = BigInt(family === 4 ? 32 : 128);
  const start = (value >> (bits - BigInt(fixedBits))) << (bits - BigInt(fixedBits));
  return { name: `public/${family}/${start}`, family, kept: false, fixedBits, start };
}
