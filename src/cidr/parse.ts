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
  const written = readAddress(checkedText(input, 'invalid-address'), input, 'invalid-address');
  return written.mapped ? { family: 4, value: written.value & IPV4_MASK } : { family: written.family, value: written.value };
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
  const text = checkedText(input, 'invalid-cidr');
  const slash = text.indexOf('/');
  const address = readAddress(slash === -1 ? text : text.slice(0, slash), input, 'invalid-cidr');
  const bits = familyBits(address.family);
  const prefix = slash === -1 ? bits : readPrefix(text.slice(slash + 1), bits, input);
  if (!address.mapped) {
    return { family: address.family, start: networkStart(address.family, address.value, prefix), prefix };
  }
  if (prefix < MAPPED_PREFIX_BITS) {
    throw invalid('invalid-cidr', input, `an IPv4-mapped block needs a prefix of at least /${MAPPED_PREFIX_BITS}`);
  }
  const ipv4Prefix = prefix - MAPPED_PREFIX_BITS;
  return { family: 4, start: networkStart(4, address.value & IPV4_MASK, ipv4Prefix), prefix: ipv4Prefix };
}

/** The family of an address or CIDR, after IPv4-mapped unwrapping. */
export function cidrFamily(input: string): IpFamily {
  return parseCidr(input).family;
}

function checkedText(input: unknown, code: CidrErrorCode): string {
  if (typeof input !== 'string') throw invalid(code, String(input), 'expected a string');
  return input.trim();
}

function readPrefix(text: string, bits: number, input: string): number {
  if (!PREFIX_PATTERN.test(text) || Number(text) > bits) {
    throw invalid('invalid-cidr', input, `prefix must be an integer from 0 to ${bits}`);
  }
  return Number(text);
}

function readAddress(text: string, input: string, code: CidrErrorCode): WrittenAddress {
  if (!text.includes(':')) {
    if (!ipaddr.IPv4.isValidFourPartDecimal(text)) {
      throw invalid(code, input, 'expected an IPv4 address of four decimal parts or an IPv6 address');
    }
    return { family: 4, value: bytesToBigint(ipaddr.IPv4.parse(text).toByteArray()), mapped: false };
  }
  const problem = ipv6Problem(text);
  if (problem !== undefined) throw invalid(code, input, problem);
  const address = ipaddr.IPv6.parse(text);
  return { family: 6, value: bytesToBigint(address.toByteArray()), mapped: address.isIPv4MappedAddress() };
}

function ipv6Problem(text: string): string | undefined {
  // A zone (`fe80::1%eth0`) names an interface, not part of the address space.
  if (text.includes('%')) return 'a zone index is not allowed';
  if (!ipaddr.IPv6.isValid(text)) return 'not a valid IPv6 address';
  const tail = text.slice(text.lastIndexOf(':') + 1);
  if (tail.includes('.') && !ipaddr.IPv4.isValidFourPartDecimal(tail)) {
    return 'the embedded IPv4 address must be four decimal parts';
  }
  // ipaddr.js reads the deprecated IPv4-compatible `::10.0.0.1` as `::ffff:10.0.0.1`.
  if (tail.includes('.') && text === `::${tail}`) return 'IPv4-compatible addresses (::a.b.c.d) are deprecated';
  return undefined;
}

function bytesToBigint(bytes: readonly number[]): bigint {
  return bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}

type CidrErrorCode = 'invalid-cidr' | 'invalid-address';

function invalid(code: CidrErrorCode, input: string, reason: string): CidrError {
  const what = code === 'invalid-cidr' ? 'CIDR' : 'address';
  return new CidrError(code, `invalid ${what} "${input}": ${reason}`);
}
