import ipaddr from 'ipaddr.js';
import { CidrError } from '../errors.js';
import { type IpFamily, type ParsedAddress, type ParsedCidr, familyBits, networkStart } from './block.js';

/** An address as written, before an IPv4-mapped IPv6 address is unwrapped. */
interface WrittenAddress extends ParsedAddress {
  mapped: boolean;
}

const MAPPED_PREFIX_BITS = 96;
const IPV4_MASK = 0xffff_ffffn;
// No sign, no spaces, no leading zeros: `/024` is as suspect as `010.0.0.1`.
const PREFIX_PATTERN = /^(0|[1-9][0-9]{0,2})$/;

/**
 * Parses an IPv4 or IPv6 address. IPv4 must be four decimal parts without
 * leading zeros (`10.1`, `0x0a.0.0.1` and `010.0.0.1` mean different things
 * to different tools, so they are rejected rather than guessed). An
 * IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) is returned as IPv4.
 */
export function parseAddress(input: string): ParsedAddress {
  const read = readAddressOrReason(input);
  if (typeof read === 'string') throw invalidInput('invalid-address', input, read);
  return read;
}

/**
 * Parses `address/prefix`, or a bare address as a single-address block.
 * Host bits are cleared (`10.244.4.1/24` is the block 10.244.4.0/24, the way
 * flannel writes FLANNEL_SUBNET).
 *
 * An IPv4-mapped block (`::ffff:10.0.0.0/104`) is unwrapped to IPv4 with the
 * prefix less 96: a NetworkPolicy ExceptionList entry written that way still
 * means an IPv4 range, and comparing it as IPv6 would never match a pod IP.
 * A mapped address with a prefix under /96 is rejected: that block would mix
 * IPv6 and IPv4 addresses.
 */
export function parseCidr(input: string): ParsedCidr {
  const read = readCidrOrReason(input);
  if (typeof read === 'string') throw invalidInput('invalid-cidr', input, read);
  return read;
}

/** The family of an address or CIDR, after IPv4-mapped unwrapping. */
export function cidrFamily(input: string): IpFamily {
  return parseCidr(input).family;
}

// The readers below return why the input is invalid instead of throwing: validity checks
// (isValidCidr, safeParse*) run in hot loops over untrusted text, where exceptions cost.

/** The address, or why the input is none (the reason of parseAddress's error). */
export function readAddressOrReason(input: unknown): ParsedAddress | string {
  if (typeof input !== 'string') return EXPECTED_STRING;
  const written = readAddress(input.trim());
  if (typeof written === 'string') return written;
  return written.mapped ? { family: 4, value: written.value & IPV4_MASK } : { family: written.family, value: written.value };
}

/** The block, or why the input is none (the reason of parseCidr's error). */
export function readCidrOrReason(input: unknown): ParsedCidr | string {
  if (typeof input !== 'string') return EXPECTED_STRING;
  const text = input.trim();
  const slash = text.indexOf('/');
  const address = readAddress(slash === -1 ? text : text.slice(0, slash));
  if (typeof address === 'string') return address;
  const bits = familyBits(address.family);
  const prefix = slash === -1 ? bits : readPrefix(text.slice(slash + 1), bits);
  if (prefix === undefined) return `prefix must be an integer from 0 to ${bits}`;
  if (!address.mapped) {
    return { family: address.family, start: networkStart(address.family, address.value, prefix), prefix };
  }
  if (prefix < MAPPED_PREFIX_BITS) return `an IPv4-mapped block needs a prefix of at least /${MAPPED_PREFIX_BITS}`;
  const ipv4Prefix = prefix - MAPPED_PREFIX_BITS;
  return { family: 4, start: networkStart(4, address.value & IPV4_MASK, ipv4Prefix), prefix: ipv4Prefix };
}

const EXPECTED_STRING = 'expected a string';

function readPrefix(text: string, bits: number): number | undefined {
  return !PREFIX_PATTERN.test(text) || Number(text) > bits ? undefined : Number(text);
}

function readAddress(text: string): WrittenAddress | string {
  if (!text.includes(':')) {
    if (!isFourPartDecimal(text)) return 'expected an IPv4 address of four decimal parts or an IPv6 address';
    const [a = 0, b = 0, c = 0, d = 0] = ipaddr.IPv4.parse(text).octets;
    return { family: 4, value: BigInt(((a * 256 + b) * 256 + c) * 256 + d), mapped: false };
  }
  const problem = ipv6Problem(text);
  if (problem !== undefined) return problem;
  const address = ipaddr.IPv6.parse(text);
  return { family: 6, value: bytesToBigint(address.toByteArray()), mapped: address.isIPv4MappedAddress() };
}

function ipv6Problem(text: string): string | undefined {
  // A zone (`fe80::1%eth0`) names an interface, not part of the address space.
  if (text.includes('%')) return 'a zone index is not allowed';
  if (!IPV6_TEXT.test(text) || !ipaddr.IPv6.isValid(text)) return 'not a valid IPv6 address';
  const tail = text.slice(text.lastIndexOf(':') + 1);
  if (tail.includes('.') && !isFourPartDecimal(tail)) {
    return 'the embedded IPv4 address must be four decimal parts';
  }
  // ipaddr.js reads the deprecated IPv4-compatible `::10.0.0.1` as `::ffff:10.0.0.1`.
  if (tail.includes('.') && text === `::${tail}`) return 'IPv4-compatible addresses (::a.b.c.d) are deprecated';
  return undefined;
}

// ipaddr.js's isValid* throw and catch inside for text that is no address (~13 us each, the stack):
// text that cannot pass is turned away first. FOUR_PART_DECIMAL is the pattern isValidFourPartDecimal
// itself tests after isValid; an IPv6 address (zones are refused above) has no other characters.
const FOUR_PART_DECIMAL = /^(0|[1-9]\d*)(\.(0|[1-9]\d*)){3}$/;
const IPV6_TEXT = /^[0-9A-Fa-f:.]+$/;

function isFourPartDecimal(text: string): boolean {
  return FOUR_PART_DECIMAL.test(text) && ipaddr.IPv4.isValidFourPartDecimal(text);
}

function bytesToBigint(bytes: readonly number[]): bigint {
  return bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}

type CidrErrorCode = 'invalid-cidr' | 'invalid-address';

/** The error parseCidr (invalid-cidr) or parseAddress (invalid-address) throws for this reason. */
export function invalidInput(code: CidrErrorCode, input: unknown, reason: string): CidrError {
  const what = code === 'invalid-cidr' ? 'CIDR' : 'address';
  return new CidrError(code, `invalid ${what} "${String(input)}": ${reason}`);
}
