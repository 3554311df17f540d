import { type Interval, blockInterval, blockSize, familyBits, networkStart } from './block.js';
import { formatCidr } from './format.js';
import { parseCidr } from './parse.js';

/**
 * The smallest CIDR block holding every given block (all of one family),
 * e.g. 10.0.0.0/23 for 10.0.0.0/24 and 10.0.1.0/24: the scale of a picture
 * that shows them side by side. Undefined for no blocks or mixed families.
 */
export function commonSupernet(cidrs: readonly string[]): string | undefined {
  const blocks = cidrs.map(parseCidr);
  const family = blocks[0]?.family;
  if (family === undefined || blocks.some((b) => b.family !== family)) return undefined;
  let prefix = Math.min(...blocks.map((b) => b.prefix));
  const start = (p: number, value: bigint) => networkStart(family, value, p);
  while (prefix > 0 && new Set(blocks.map((b) => start(prefix, b.start))).size > 1) prefix -= 1;
  return formatCidr({ family, start: start(prefix, blocks[0]!.start), prefix });
}

/**
 * Where `cidr` lies inside `span`, as fractions of the span from 0 to 1
 * (clipped to it), or undefined when they do not share an address or a family.
 */
export function cidrPosition(span: string, cidr: string): { from: number; to: number } | undefined {
  const outer = parseCidr(span);
  const inner = parseCidr(cidr);
  if (outer.family !== inner.family) return undefined;
  const a: Interval = blockInterval(outer);
  const b: Interval = blockInterval(inner);
  const first = b.first > a.first ? b.first : a.first;
  const last = b.last < a.last ? b.last : a.last;
  if (first > last) return undefined;
  const size = blockSize(outer.family, outer.prefix);
  // Scale down to 2^52 steps so the division stays exact enough in a double, for IPv6 too.
  const shift = BigInt(Math.max(familyBits(outer.family) - outer.prefix - 52, 0));
  const scale = Number(size >> shift);
  return { from: Number((first - a.first) >> shift) / scale, to: Number((last - a.first + 1n) >> shift) / scale };
}
