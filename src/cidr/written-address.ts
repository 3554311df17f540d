import { CidrError } from '../errors.js';
import type { IpFamily } from './block.js';
import { formatAddress } from './format.js';
import { parseAddress } from './parse.js';

/** An address as found in text: IPv4-mapped IPv6 (`::ffff:10.0.0.1`) is IPv4 with `mapped` set. */
export interface WrittenAddressValue {
  family: IpFamily;
  value: bigint;
  mapped: boolean;
}

/** The address's value, or undefined when the text is not a strict address (no throw). */
export function safeParseAddressValue(text: string): WrittenAddressValue | undefined {
  try {
    const parsed = parseAddress(text);
    return { ...parsed, mapped: parsed.family === 4 && text.includes(':') };
  } catch (error) {
    if (error instanceof CidrError) return undefined;
    throw error;
  }
}

/** ipaddr.js's normal form of an address value. */
export function formatAddressValue(family: IpFamily, value: bigint): string {
  return formatAddress(family, value);
}
