import { describe, expect, it } from 'vitest';
import { CidrError } from '../../src/errors.js';
import {
  cidrFamily,
  isValidAddress,
  isValidCidr,
  normalizeAddress,
  normalizeCidr,
  parseAddress,
  parseCidr,
  safeParseAddress,
  safeParseCidr,
} from '../../src/cidr/index.js';

/** Expects `run` to throw a CidrError with `code` whose message names the bad input. */
function expectRejected(run: () => unknown, code: string, input: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CidrError);
  expect((caught as CidrError).code).toBe(code);
  expect((caught as CidrError).message).toContain(`"${input}"`);
}

describe('parseAddress', () => {
  it('reads IPv4 and IPv6 as bigint values', () => {
    expect(parseAddress('10.0.0.1')).toEqual({ family: 4, value: 0x0a00_0001n });
    expect(parseAddress('255.255.255.255')).toEqual({ family: 4, value: 0xffff_ffffn });
    expect(parseAddress('::1')).toEqual({ family: 6, value: 1n });
    expect(parseAddress('  2001:db8::1 ')).toEqual({ family: 6, value: (0x2001_0db8n << 96n) + 1n });
  });

  it('unwraps IPv4-mapped IPv6 to IPv4', () => {
    expect(parseAddress('::ffff:10.0.0.1')).toEqual({ family: 4, value: 0x0a00_0001n });
    expect(parseAddress('::ffff:a00:1')).toEqual({ family: 4, value: 0x0a00_0001n });
  });

  it.each([
    '10.1',
    '0x0a.0.0.1',
    '010.0.0.1',
    '10.0.0.01',
    '10.0.0.256',
    '10.0.0.0/8',
    '',
    'localhost',
    'fe80::1%eth0',
    '1::2::3',
    '[::1]',
    '::ffff:010.0.0.1',
    '::10.0.0.1',
  ])('rejects %j with invalid-address', (input) => {
    expectRejected(() => parseAddress(input), 'invalid-address', input);
  });
});

describe('parseCidr', () => {
  it('clears host bits', () => {
    expect(parseCidr('10.244.4.1/24')).toEqual({ family: 4, start: 0x0af4_0400n, prefix: 24 });
    expect(parseCidr('2001:db8::1/32')).toEqual({ family: 6, start: 0x2001_0db8n << 96n, prefix: 32 });
  });

  it('reads a bare address as a single-address block', () => {
    expect(parseCidr('10.0.0.1')).toEqual({ family: 4, start: 0x0a00_0001n, prefix: 32 });
    expect(parseCidr('::1')).toEqual({ family: 6, start: 1n, prefix: 128 });
  });

  it('accepts /0 and full-length prefixes', () => {
    expect(parseCidr('10.1.2.3/0')).toEqual({ family: 4, start: 0n, prefix: 0 });
    expect(parseCidr('::1/0')).toEqual({ family: 6, start: 0n, prefix: 0 });
    expect(parseCidr('::1/128').prefix).toBe(128);
  });

  it('unwraps IPv4-mapped blocks with the prefix less 96', () => {
    expect(parseCidr('::ffff:10.0.0.0/104')).toEqual({ family: 4, start: 0x0a00_0000n, prefix: 8 });
    expect(parseCidr('::ffff:0:0/96')).toEqual({ family: 4, start: 0n, prefix: 0 });
  });

  it.each([
    '10.0.0.0/33',
    '::/129',
    '10.0.0.0/-1',
    '10.0.0.0/+8',
    '10.0.0.0/ 8',
    '10.0.0.0 /8',
    '10.0.0.0/08',
    '10.0.0.0/8.0',
    '10.0.0.0/',
    '10.0.0.0/8/8',
    '/8',
    '10.1/16',
    '010.0.0.0/8',
    '::ffff:10.0.0.0/64',
  ])('rejects %j with invalid-cidr', (input) => {
    expectRejected(() => parseCidr(input), 'invalid-cidr', input);
  });
});

describe('normalizeCidr', () => {
  it.each([
    ['10.244.4.1/24', '10.244.4.0/24'],
    [' 10.0.0.0/8\n', '10.0.0.0/8'],
    ['10.0.0.1', '10.0.0.1/32'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['2001:DB8:0:0:0:0:0:1/64', '2001:db8::/64'],
    ['2001:db8:0:0:1:0:0:1/128', '2001:db8::1:0:0:1/128'],
    ['fd00::1', 'fd00::1/128'],
    ['::/0', '::/0'],
    ['::ffff:10.0.0.0/104', '10.0.0.0/8'],
    ['::ffff:192.168.1.7', '192.168.1.7/32'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeCidr(input)).toBe(expected);
  });

  it('normalizes addresses too', () => {
    expect(normalizeAddress('2001:DB8::0:1')).toBe('2001:db8::1');
    expect(normalizeAddress('::ffff:10.0.0.1')).toBe('10.0.0.1');
  });
});

describe('validity checks and safe twins', () => {
  it('answer without throwing', () => {
    expect(isValidCidr('10.0.0.0/8')).toBe(true);
    expect(isValidCidr('10.0.0.1')).toBe(true);
    expect(isValidCidr('10.0.0.0/33')).toBe(false);
    expect(isValidAddress('fd00::1')).toBe(true);
    expect(isValidAddress('10.0.0.0/8')).toBe(false);
    expect(isValidAddress('0x0a.0.0.1')).toBe(false);
  });

  it('return the canonical value or the typed error', () => {
    expect(safeParseCidr('10.244.4.1/24')).toEqual({ success: true, cidr: '10.244.4.0/24' });
    expect(safeParseAddress('::ffff:10.0.0.1')).toEqual({ success: true, address: '10.0.0.1' });
    const failed = safeParseCidr('10.1/16');
    expect(failed.success).toBe(false);
    if (!failed.success) expect(failed.error.code).toBe('invalid-cidr');
    const bad = safeParseAddress('nope');
    expect(bad.success ? undefined : bad.error.code).toBe('invalid-address');
  });

  it('reject non-string input from untyped callers', () => {
    expect(isValidCidr(undefined as unknown as string)).toBe(false);
    expectRejected(() => parseAddress(42 as unknown as string), 'invalid-address', '42');
  });
});

describe('cidrFamily', () => {
  it('tells IPv4 from IPv6, after unwrapping mapped addresses', () => {
    expect(cidrFamily('10.0.0.0/8')).toBe(4);
    expect(cidrFamily('fd00::/8')).toBe(6);
    expect(cidrFamily('::ffff:10.0.0.1')).toBe(4);
    expectRejected(() => cidrFamily('bogus'), 'invalid-cidr', 'bogus');
  });
});
