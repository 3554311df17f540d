import ipaddr from 'ipaddr.js';
import { type IpFamily, type ParsedCidr, familyBits } from './block.js';
import { parseAddress, parseCidr } from './parse.js';

/** ipaddr.js's normal form: IPv4 dotted quad, IPv6 compressed lowercase. */
export function formatAddress(family: IpFamily, value: bigint): string {
  if (family === 4) {
    // ipaddr.js's IPv4 toString is the four octets joined by dots.
    const n = Number(value);
    return `${Math.floor(n / 0x1000000) & 0xff}.${(n >>> 16) & 0xff}.${(n >>> 8) & 0xff}.${n & 0xff}`;
  }
  const bytes: number[] = [];
  let rest = value;
  for (let index = familyBits(family) / 8; index > 0; index--) {
    bytes.unshift(Number(rest & 0xffn));
    rest >>= 8n;
  }
  return ipaddr.fromByteArray(bytes).toString();
}

export function formatCidr(block: ParsedCidr): string {
  return `${formatAddress(block.family, block.start)}/${block.prefix}`;
}

/** The canonical form of a CIDR; a bare address becomes a /32 or /128. */
export function normalizeCidr(input: string): string {
  return formatCidr(parseCidr(input));
}

/** The canonical form of an address; an IPv4-mapped address becomes IPv4. */
export function normalizeAddress(input: string): string {
  const address = parseAddress(input);
  return formatAddress(address.family, address.value);
}
