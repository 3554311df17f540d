import { CidrError } from '../errors.js';
import { normalizeAddress, normalizeCidr } from './format.js';

export type SafeParseCidrResult = { success: true; cidr: string } | { success: false; error: CidrError };
export type SafeParseAddressResult = { success: true; address: string } | { success: false; error: CidrError };

/** Like `normalizeCidr`, but returns the error instead of throwing it. */
export function safeParseCidr(input: string): SafeParseCidrResult {
  const result = caught(() => normalizeCidr(input));
  return result instanceof CidrError ? { success: false, error: result } : { success: true, cidr: result };
}

/** Like `normalizeAddress`, but returns the error instead of throwing it. */
export function safeParseAddress(input: string): SafeParseAddressResult {
  const result = caught(() => normalizeAddress(input));
  return result instanceof CidrError ? { success: false, error: result } : { success: true, address: result };
}

export function isValidCidr(input: string): boolean {
  return safeParseCidr(input).success;
}

export function isValidAddress(input: string): boolean {
  return safeParseAddress(input).success;
}

function caught(run: () => string): string | CidrError {
  try {
    return run();
  } catch (error) {
    if (error instanceof CidrError) return error;
    throw error;
  }
}
