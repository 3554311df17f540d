import { describe, expect, it } from 'vitest';
import { CidrError } from '../../src/errors.js';
import { firstAddress, lastAddress, rangeSize, rangeToCidrs } from '../../src/cidr/index.js';

describe('rangeToCidrs', () => {
  it("splits flannel's exhausted range set into blocks", () => {
    // flannel: "no IP addresses available in range set: 172.30.34.129-172.30.34.190"
    expect(rangeToCidrs('172.30.34.129', '172.30.34.190')).toEqual([
      '172.30.34.129/32',
      '172.30.34.130/31',
      '172.30.34.132/30',
      '172.30.34.136/29',
      '172.30.34.144/28',
      '172.30.34.160/28',
      '172.30.34.176/29',
      '172.30.34.184/30',
      '172.30.34.188/31',
      '172.30.34.190/32',
    ]);
    expect(rangeSize('172.30.34.129', '172.30.34.190')).toBe(62n);
  });

  it('returns one block for an aligned range', () => {
    expect(rangeToCidrs('10.0.0.0', '10.0.0.255')).toEqual(['10.0.0.0/24']);
    expect(rangeToCidrs('0.0.0.0', '255.255.255.255')).toEqual(['0.0.0.0/0']);
    expect(rangeToCidrs('::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toEqual(['::/0']);
    expect(rangeToCidrs('10.0.0.7', '10.0.0.7')).toEqual(['10.0.0.7/32']);
  });

  it('handles IPv6 and IPv4-mapped ends', () => {
    expect(rangeToCidrs('fd00::1', 'fd00::4')).toEqual(['fd00::1/128', 'fd00::2/127', 'fd00::4/128']);
    expect(rangeToCidrs('::ffff:10.0.0.0', '10.0.0.3')).toEqual(['10.0.0.0/30']);
    expect(rangeSize('fd00::', 'fd00::ffff')).toBe(65536n);
  });

  it.each([
    ['10.0.0.2', '10.0.0.1'],
    ['10.0.0.1', '::1'],
  ])('rejects %s-%s with invalid-range', (first, last) => {
    for (const run of [() => rangeToCidrs(first, last), () => rangeSize(first, last)]) {
      expect(run).toThrow(CidrError);
      expect(run).toThrow(expect.objectContaining({ code: 'invalid-range' }));
    }
  });

  it('rejects a bad address with invalid-address', () => {
    expect(() => rangeToCidrs('10.0.0.1', '10.0.1')).toThrow(expect.objectContaining({ code: 'invalid-address' }));
  });
});

describe('firstAddress and lastAddress', () => {
  it.each([
    ['10.244.4.1/24', '10.244.4.0', '10.244.4.255'],
    ['10.0.0.0/31', '10.0.0.0', '10.0.0.1'],
    ['10.0.0.9', '10.0.0.9', '10.0.0.9'],
    ['0.0.0.0/0', '0.0.0.0', '255.255.255.255'],
    ['2001:db8::/32', '2001:db8::', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['::/0', '::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['::ffff:10.0.0.0/104', '10.0.0.0', '10.255.255.255'],
  ])('%s spans %s to %s', (cidr, first, last) => {
    expect(firstAddress(cidr)).toBe(first);
    expect(lastAddress(cidr)).toBe(last);
  });
});
