import { type Interval, blockInterval } from './block.js';
import { formatCidr } from './format.js';
import { differenceIntervals, unionIntervals, unionToBlocks } from './interval.js';
import { parseCidr } from './parse.js';

/**
 * Set operations on lists of CIDRs. Blocks of different families never
 * overlap or contain each other: IPv4 and IPv6 are separate address spaces.
 * Outputs are canonical, sorted (IPv4 first, then by address) and minimal.
 */

function intervalOf(cidr: string): Interval {
  return blockInterval(parseCidr(cidr));
}

function unionOf(cidrs: readonly string[]): Interval[] {
  return unionIntervals(cidrs.map(intervalOf));
}

function toCidrs(union: readonly Interval[]): string[] {
  return unionToBlocks(union).map(formatCidr);
}

/** Whether `inner` (an address or a CIDR) lies wholly inside `outer`. */
export function cidrContains(outer: string, inner: string): boolean {
  const a = intervalOf(outer);
  const b = intervalOf(inner);
  return a.family === b.family && a.first <= b.first && b.last <= a.last;
}

/** Whether the two blocks share at least one address. */
export function cidrsOverlap(first: string, second: string): boolean {
  const a = intervalOf(first);
  const b = intervalOf(second);
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

/** The fewest CIDRs covering exactly the union of `cidrs`. */
export function mergeCidrs(cidrs: readonly string[]): string[] {
  return toCidrs(unionOf(cidrs));
}

/** The fewest CIDRs covering exactly the addresses of `from` not in `remove`. */
export function subtractCidrs(from: readonly string[], remove: readonly string[]): string[] {
  return toCidrs(differenceIntervals(unionOf(from), unionOf(remove)));
}

/** The parts of `required` that no block of `cover` covers; empty when fully covered. */
export function uncoveredCidrs(required: string, cover: readonly string[]): string[] {
  return subtractCidrs([required], cover);
}
