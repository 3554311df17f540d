import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { familyIfValid, isValidAddress, isValidCidr, parseAddress, parseCidr, safeParseAddress, safeParseCidr } from '../../src/cidr/index.js';

/**
 * The validity checks turn away text that cannot be an address before asking ipaddr.js (whose isValid
 * throws and catches inside). This holds them to ipaddr.js's own verdicts, asked directly, and to the
 * throwing parsers: same answer, same error.
 */
const written = (t: string): boolean => {
  if (!t.includes(':')) return ipaddr.IPv4.isValidFourPartDecimal(t);
  if (t.includes('%') || !ipaddr.IPv6.isValid(t)) return false;
  const tail = t.slice(t.lastIndexOf(':') + 1);
  return !tail.includes('.') || (ipaddr.IPv4.isValidFourPartDecimal(tail) && t !== `::${tail}`);
};

const thrown = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

// Texts near addresses: digits, dots, colons, hex letters, prefixes, zones, spaces, other letters.
const nearAddress = fc
  .array(fc.constantFrom('0', '1', '2', '5', '9', '10', '255', '256', '01', '.', ':', '::', 'a', 'F', 'ffff', 'g', 'x', '/', '/24', '/129', '%', ' ', 'N'), { maxLength: 14 })
  .map((parts) => parts.join(''));
const addresses = fc.oneof(fc.ipV4(), fc.ipV6(), fc.ipV4Extended(), nearAddress, fc.string({ maxLength: 12 }));
const texts = fc.oneof(addresses, fc.tuple(addresses, fc.integer({ min: -1, max: 140 })).map(([a, p]) => `${a}/${p}`));

describe('address validity without exceptions', () => {
  it('isValidAddress agrees with ipaddr.js asked directly', () => {
    fc.assert(fc.property(addresses, (text) => {
        expect(isValidAddress(text)).toBe(written(text.trim()));
      }), { numRuns: 3000 });
  });
  it('agrees with the throwing parsers, error for error', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const cidrError = thrown(() => parseCidr(text));
        const addressError = thrown(() => parseAddress(text));
        expect(isValidCidr(text)).toBe(cidrError === undefined);
        expect(isValidAddress(text)).toBe(addressError === undefined);
        const cidr = safeParseCidr(text);
        expect(cidr.success ? undefined : cidr.error.message).toBe(cidrError);
        const address = safeParseAddress(text);
        expect(address.success ? undefined : address.error.message).toBe(addressError);
        expect(familyIfValid(text)).toBe(cidrError === undefined ? parseCidr(text).family : undefined);
      }),
      { numRuns: 3000 },
    );
  });
  it('keeps the reasons', () => {
    expect(safeParseAddress('None')).toMatchObject({ success: false, error: { code: 'invalid-address', message: 'invalid address "None": expected an IPv4 address of four decimal parts or an IPv6 address' } });
    expect(safeParseCidr('fd00::g/64')).toMatchObject({ success: false, error: { code: 'invalid-cidr', message: 'invalid CIDR "fd00::g/64": not a valid IPv6 address' } });
    expect(safeParseCidr(7 as unknown as string)).toMatchObject({ success: false, error: { message: 'invalid CIDR "7": expected a string' } });
    expect(safeParseAddress('10.0.0.1')).toEqual({ success: true, address: '10.0.0.1' });
    expect(safeParseCidr('::ffff:10.1.2.3/120')).toEqual({ success: true, cidr: '10.1.2.0/24' });
  });
});
