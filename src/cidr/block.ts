/**
 * Bigint arithmetic shared by the CIDR functions. Both families use the same
 * code: an address is an unsigned integer of 32 or 128 bits.
 */
export type IpFamily = 4 | 6;

/** A parsed address: its family and its value as an unsigned integer. */
export interface ParsedAddress {
  family: IpFamily;
  value: bigint;
}

/** A parsed CIDR block: `start` is the network address, host bits cleared. */
export interface ParsedCidr {
  family: IpFamily;
  start: bigint;
  prefix: number;
}

/** An inclusive run of addresses of one family. */
export interface Interval {
  family: IpFamily;
  first: bigint;
  last: bigint;
}

export function familyBits(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

export function blockSize(family: IpFamily, prefix: number): bigint {
  return 1n << BigInt(familyBits(family) - prefix);
}

export function networkStart(family: IpFamily, value: bigint, prefix: number): bigint {
  return value - (value % blockSize(family, prefix));
}

export function blockInterval(block: ParsedCidr): Interval {
  return {
    family: block.family,
    first: block.start,
    last: block.start + blockSize(block.family, block.prefix) - 1n,
  };
}
