import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { ipv4Text, plainIPv4Number } from '../../../src/parsers/linux/ipvsadm-ipv4.js';

// The form the kube-proxy check compares as text (kube-proxy-mode's former PLAIN_IPV4, ipaddr.js's IPv4 normal form).
const PLAIN_IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

describe('plainIPv4Number', () => {
  it('is a number exactly for a plain dotted quad, and ipv4Text gives that text back', () => {
    const part = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom('00', '01', '010', '0255', '', 'a', '1000', '-1', ' 1'));
    const text = fc.oneof(
      fc.tuple(part, part, part, part).map((p) => p.join('.')),
      fc.tuple(part, part, part).map((p) => p.join('.')),
      fc.tuple(part, part, part, part, fc.constantFrom('.', '.1', ':80', ' ', '\n')).map(([a, b, c, d, tail]) => `${a}.${b}.${c}.${d}${tail}`),
      fc.string(),
    );
    fc.assert(
      fc.property(text, (t) => {
        const n = plainIPv4Number(t);
        expect(n >= 0).toBe(PLAIN_IPV4.test(t));
        if (n >= 0) {
          expect(ipv4Text(n)).toBe(t);
          expect(n).toBe(t.split('.').reduce((v, p) => v * 256 + Number(p), 0));
          // The same number ipaddr.js (the project's address parser) gives, and its normal form is this text.
          expect(n).toBe(ipaddr.IPv4.parse(t).toByteArray().reduce((v, b) => v * 256 + b, 0));
          expect(ipaddr.IPv4.parse(t).toString()).toBe(t);
        } else expect(n).toBe(-1);
      }),
      { numRuns: 5000 },
    );
  });

  it('covers the whole range', () => {
    expect(plainIPv4Number('0.0.0.0')).toBe(0);
    expect(plainIPv4Number('255.255.255.255')).toBe(2 ** 32 - 1);
    expect(ipv4Text(2 ** 32 - 1)).toBe('255.255.255.255');
    expect(plainIPv4Number('10.96.0.10')).toBe(0x0a60000a);
  });
});
