import { CidrError } from '../errors.js';
import { type Interval, blockInterval } from './block.js';
import { formatAddress, formatCidr } from './format.js';
import { intervalToBlocks } from './interval.js';
import { parseAddress, parseCidr } from './parse.js';

/**
 * The fewest CIDRs covering the inclusive range `first`-`last`, as IPAM
 * plugins print it (flannel: `no IP addresses available in range set:
 * 172.30.34.129-172.30.34.190`).
 */
export function rangeToCidrs(first: string, last: string): string[] {
  return intervalToBlocks(rangeInterval(first, last)).map(formatCidr);
}

/** How many addresses the inclusive range `first`-`last` holds. */
export function rangeSize(first: string, last: string): bigint {
  const range = rangeInterval(first, last);
  return range.last - range.first + 1n;
}

/** The network address of the block. */
export function firstAddress(cidr: string): string {
  const range = blockInterval(parseCidr(cidr));
  return formatAddress(range.family, range.first);
}

/** The highest address of the block (the broadcast address for IPv4). */
export function lastAddress(cidr: string): string {
  const range = blockInterval(parseCidr(cidr));
  return formatAddress(range.family, range.last);
}

function rangeInterval(first: string, last: string): Interval {
  const start = parseAddress(first);
  const end = parseAddress(last);
  if (start.family !== end.family) {
    throw new CidrError('invalid-range', `invalid range "${first}-${last}": the addresses are of different families`);
  }
  if (start.value > end.value) {
    throw new CidrError('invalid-range', `invalid range "${first}-${last}": the first address is after the last`);
  }
  return { family: start.family, first: start.value, last: end.value };
}
