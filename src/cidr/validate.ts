import type { CidrError } from '../errors.js';
import type { IpFamily } from './block.js';
import { formatAddress, formatCidr } from './format.js';
import { invalidInput, readAddressOrReason, readCidrOrReason } from './parse.js';

export type SafeParseCidrResult = { success: true; cidr: string } | { success: false; error: CidrError };
export type SafeParseAddressResult = { success: true; address: string } | { success: false; error: CidrError };

// Nothing here throws or catches: an invalid input comes back from the readers as a reason.

/** Like `normalizeCidr`, but returns the error instead of throwing it. */
export function safeParseCidr(input: string): SafeParseCidrResult {
  const read = readCidrOrReason(input);
  return typeof read === 'string' ? { success: false, error: invalidInput('invalid-cidr', input, read) } : { success: true, cidr: formatCidr(read) };
}

/** Like `normalizeAddress`, but returns the error instead of throwing it. */
export function safeParseAddress(input: string): SafeParseAddressResult {
  const read = readAddressOrReason(input);
  return typeof read === 'string' ? { success: false, error: invalidInput('invalid-address', input, read) } : { success: true, address: formatAddress(read.family, read.value) };
}

export function isValidCidr(input: string): boolean {
  return typeof readCidrOrReason(input) !== 'string';
}

export function isValidAddress(input: string): boolean {
  return typeof readAddressOrReason(input) !== 'string';
}

/** The family of a valid address or CIDR (after IPv4-mapped unwrapping), undefined for anything else. */
export function familyIfValid(input: string): IpFamily | undefined {
  const read = readCidrOrReason(input);
  return typeof read === 'string' ? undefined : read.family;
}
