import fc from 'fast-check';

/**
 * Random CIDRs biased to overlap: every block of a scenario is drawn near one
 * small parent block per family, so nesting, adjacency and duplicates are common.
 */
interface Space {
  bits: number;
  /** Smallest parent start: IPv6 parents stay above ::ffff:0:0/96, which reads as IPv4. */
  lowest: bigint;
  format(value: bigint): string;
}

const IPV4: Space = {
  bits: 32,
  lowest: 0n,
  format: (value) => [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.'),
};

// Written uncompressed on purpose, so parsing has to canonicalise it.
const IPV6: Space = {
  bits: 128,
  lowest: 1n << 112n,
  format: (value) =>
    Array.from({ length: 8 }, (_, group) => ((value >> BigInt(112 - 16 * group)) & 0xffffn).toString(16)).join(':'),
};

interface Parent {
  space: Space;
  start: bigint;
  hostBits: number;
}

function parentIn(space: Space): fc.Arbitrary<Parent> {
  return fc
    .record({
      start: fc.bigInt({ min: space.lowest, max: (1n << BigInt(space.bits)) - 1n }),
      hostBits: fc.integer({ min: 3, max: 10 }),
    })
    .map(({ start, hostBits }) => ({ space, start: clamp(space, start, hostBits), hostBits }));
}

// Keeps the parent (and blocks up to four times its size) inside the address space.
function clamp(space: Space, start: bigint, hostBits: number): bigint {
  const highest = (1n << BigInt(space.bits)) - (1n << BigInt(hostBits + 3));
  return start > highest ? highest : start;
}

/** A block near the parent, host bits often set, sometimes larger than the parent. */
function blockNear(parent: Parent): fc.Arbitrary<string> {
  return fc
    .record({
      offset: fc.bigInt({ min: 0n, max: (1n << BigInt(parent.hostBits)) - 1n }),
      hostBits: fc.integer({ min: 0, max: parent.hostBits + 2 }),
    })
    .map(({ offset, hostBits }) => `${parent.space.format(parent.start + offset)}/${parent.space.bits - hostBits}`);
}

/** An address within four parent sizes of the parent, so it may fall outside every block. */
function addressNear(parent: Parent): fc.Arbitrary<string> {
  const size = 1n << BigInt(parent.hostBits);
  const min = parent.start > 4n * size ? parent.start - 4n * size : 0n;
  return fc.bigInt({ min, max: parent.start + 5n * size }).map((value) => parent.space.format(value));
}

const parents: fc.Arbitrary<Parent[]> = fc.oneof(
  parentIn(IPV4).map((parent) => [parent]),
  parentIn(IPV6).map((parent) => [parent]),
  fc.tuple(parentIn(IPV4), parentIn(IPV6)),
);

export interface Scenario {
  cidrs: string[];
  other: string[];
  /** Addresses near the blocks, to compare what two lists cover. */
  addresses: string[];
}

/** Two lists of blocks around the same parents, and addresses around them. */
export const scenarios: fc.Arbitrary<Scenario> = parents.chain((chosen) => {
  const block = fc.oneof(...chosen.map(blockNear));
  const list = fc.array(block, { maxLength: 8 });
  return fc.record({
    cidrs: list,
    other: list,
    addresses: fc.array(fc.oneof(...chosen.map(addressNear)), { minLength: 1, maxLength: 16 }),
  });
});

/** Two addresses of one family near the same parent, in either order. */
export const addressPairs: fc.Arbitrary<[string, string]> = parents.chain(([parent]) =>
  fc.tuple(addressNear(parent!), addressNear(parent!)),
);
