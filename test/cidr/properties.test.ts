import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cidrContains,
  cidrSize,
  cidrsOverlap,
  firstAddress,
  lastAddress,
  mergeCidrs,
  parseAddress,
  parseCidr,
  rangeSize,
  rangeToCidrs,
  subtractCidrs,
  usableAddresses,
} from '../../src/cidr/index.js';
import { addressPairs, scenarios } from './arbitraries.js';

const runs = { numRuns: 200 };

function covers(cidrs: readonly string[], address: string): boolean {
  return cidrs.some((cidr) => cidrContains(cidr, address));
}

/** Random addresses plus the edges of every block, where off-by-one errors live. */
function probes(addresses: readonly string[], ...lists: (readonly string[])[]): string[] {
  const blocks = lists.flat();
  return [...addresses, ...blocks.map(firstAddress), ...blocks.map(lastAddress)];
}

function pairs<T>(items: readonly T[]): [T, T][] {
  return items.flatMap((a, index) => items.slice(index + 1).map((b): [T, T] => [a, b]));
}

/** Two blocks that together form their parent block and so should have been one. */
function areSiblings(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  if (x.family !== y.family || x.prefix !== y.prefix || x.prefix === 0) return false;
  const parentShift = BigInt((x.family === 4 ? 32 : 128) - x.prefix + 1);
  return x.start >> parentShift === y.start >> parentShift;
}

function compareCanonical(a: string, b: string): number {
  const x = parseCidr(a);
  const y = parseCidr(b);
  if (x.family !== y.family) return x.family - y.family;
  if (x.start !== y.start) return x.start < y.start ? -1 : 1;
  return x.prefix - y.prefix;
}

/** Where two block lists meet: for overlapping blocks, the smaller one (aligned blocks nest). */
function intersection(a: readonly string[], b: readonly string[]): string[] {
  return a.flatMap((x) => b.filter((y) => cidrsOverlap(x, y)).map((y) => (cidrContains(x, y) ? y : x)));
}

function total(cidrs: readonly string[]): bigint {
  return cidrs.reduce((sum, cidr) => sum + cidrSize(cidr), 0n);
}

describe('mergeCidrs properties', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(scenarios, ({ cidrs }) => {
        const merged = mergeCidrs(cidrs);
        expect(mergeCidrs(merged)).toEqual(merged);
      }),
      runs,
    );
  });

  it('returns disjoint, sorted blocks of which no two combine', () => {
    fc.assert(
      fc.property(scenarios, ({ cidrs }) => {
        const merged = mergeCidrs(cidrs);
        expect([...merged].sort(compareCanonical)).toEqual(merged);
        for (const [a, b] of pairs(merged)) {
          expect(cidrsOverlap(a, b)).toBe(false);
          expect(areSiblings(a, b)).toBe(false);
        }
      }),
      runs,
    );
  });

  it('covers exactly the addresses of its input', () => {
    fc.assert(
      fc.property(scenarios, ({ cidrs, addresses }) => {
        const merged = mergeCidrs(cidrs);
        for (const address of probes(addresses, cidrs, merged)) {
          expect(covers(merged, address)).toBe(covers(cidrs, address));
        }
      }),
      runs,
    );
  });

  it('keeps the total size of disjoint inputs', () => {
    fc.assert(
      fc.property(scenarios, ({ cidrs }) => {
        const disjoint = cidrs.reduce<string[]>(
          (kept, cidr) => (kept.some((other) => cidrsOverlap(other, cidr)) ? kept : [...kept, cidr]),
          [],
        );
        expect(total(mergeCidrs(disjoint))).toBe(total(disjoint));
      }),
      runs,
    );
  });
});

describe('subtractCidrs properties', () => {
  it('together with the intersection restores the merged input', () => {
    fc.assert(
      fc.property(scenarios, ({ cidrs, other }) => {
        const restored = mergeCidrs([...subtractCidrs(cidrs, other), ...intersection(cidrs, other)]);
        expect(restored).toEqual(mergeCidrs(cidrs));
      }),
      runs,
    );
  });

  it('never overlaps a removed block and keeps every other address', () => {
    fc.assert(
      fc.property(scenarios, ({ cidrs, other, addresses }) => {
        const remaining = subtractCidrs(cidrs, other);
        for (const kept of remaining) {
          for (const removed of other) expect(cidrsOverlap(kept, removed)).toBe(false);
        }
        for (const address of probes(addresses, cidrs, other)) {
          expect(covers(remaining, address)).toBe(covers(cidrs, address) && !covers(other, address));
        }
      }),
      runs,
    );
  });

  it('is empty exactly when cidrContains says the outer block holds the inner one', () => {
    fc.assert(
      fc.property(scenarios, ({ cidrs, other }) => {
        for (const outer of cidrs) {
          for (const inner of other) {
            expect(cidrContains(outer, inner)).toBe(subtractCidrs([inner], [outer]).length === 0);
          }
        }
      }),
      runs,
    );
  });
});

describe('range and size properties', () => {
  it('rangeToCidrs covers the range exactly, minimally', () => {
    fc.assert(
      fc.property(addressPairs, (pair) => {
        const [first, last] = [...pair].sort((a, b) => (parseAddress(a).value < parseAddress(b).value ? -1 : 1));
        const blocks = rangeToCidrs(first!, last!);
        expect(total(blocks)).toBe(rangeSize(first!, last!));
        expect(mergeCidrs(blocks)).toEqual(blocks);
        expect(firstAddress(blocks[0]!)).toBe(firstAddress(first!));
        expect(lastAddress(blocks.at(-1)!)).toBe(lastAddress(last!));
      }),
      runs,
    );
  });

  it('usableAddresses never exceeds cidrSize', () => {
    fc.assert(
      fc.property(scenarios, ({ cidrs }) => {
        for (const cidr of cidrs) expect(usableAddresses(cidr)).toBeLessThanOrEqual(cidrSize(cidr));
      }),
      runs,
    );
  });
});
