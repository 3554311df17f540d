import { type Interval, type ParsedCidr, familyBits } from './block.js';

function compareIntervals(a: Interval, b: Interval): number {
  if (a.family !== b.family) return a.family - b.family;
  if (a.first !== b.first) return a.first < b.first ? -1 : 1;
  return 0;
}

/** Sorted, disjoint intervals; overlapping and adjacent ones are joined. */
export function unionIntervals(intervals: readonly Interval[]): Interval[] {
  const union: Interval[] = [];
  for (const next of [...intervals].sort(compareIntervals)) {
    const current = union.at(-1);
    if (current !== undefined && current.family === next.family && next.first <= current.last + 1n) {
      if (next.last > current.last) current.last = next.last;
    } else {
      union.push({ ...next });
    }
  }
  return union;
}

/** The parts of `from` outside `remove`; both must be unions (sorted, disjoint). */
export function differenceIntervals(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const difference: Interval[] = [];
  let index = 0;
  for (const interval of from) {
    let cursor = interval.first;
    // Removals wholly before this interval cannot touch any later one either.
    while (index < remove.length && isBefore(remove[index]!, interval)) index++;
    for (let scan = index; scan < remove.length && cursor <= interval.last; scan++) {
      const cut = remove[scan]!;
      if (cut.family !== interval.family || cut.first > interval.last) break;
      if (cut.first > cursor) difference.push({ family: interval.family, first: cursor, last: cut.first - 1n });
      if (cut.last >= cursor) cursor = cut.last + 1n;
    }
    if (cursor <= interval.last) difference.push({ family: interval.family, first: cursor, last: interval.last });
  }
  return difference;
}

function isBefore(cut: Interval, interval: Interval): boolean {
  return cut.family < interval.family || (cut.family === interval.family && cut.last < interval.first);
}

/**
 * The fewest CIDR blocks covering exactly the interval: greedily take the
 * largest block that starts at the cursor (aligned to it) and ends in range.
 */
export function intervalToBlocks(interval: Interval): ParsedCidr[] {
  const bits = familyBits(interval.family);
  const blocks: ParsedCidr[] = [];
  let cursor = interval.first;
  while (cursor <= interval.last) {
    let hostBits = 0;
    while (hostBits < bits && fits(cursor, interval.last, BigInt(hostBits + 1))) hostBits++;
    blocks.push({ family: interval.family, start: cursor, prefix: bits - hostBits });
    cursor += 1n << BigInt(hostBits);
  }
  return blocks;
}

function fits(start: bigint, last: bigint, hostBits: bigint): boolean {
  const size = 1n << hostBits;
  return start % size === 0n && start + size - 1n <= last;
}

/** Blocks for a union of intervals; the union's order is already the canonical one. */
export function unionToBlocks(union: readonly Interval[]): ParsedCidr[] {
  return union.flatMap(intervalToBlocks);
}
