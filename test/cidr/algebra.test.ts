import { describe, expect, it } from 'vitest';
import { CidrError } from '../../src/errors.js';
import { cidrContains, cidrsOverlap, mergeCidrs, subtractCidrs, uncoveredCidrs } from '../../src/cidr/index.js';

describe('cidrContains', () => {
  it.each([
    ['10.0.0.0/8', '10.1.0.0/16', true],
    ['10.0.0.0/8', '10.255.255.255', true],
    ['10.0.0.0/8', '10.0.0.0/8', true],
    ['0.0.0.0/0', '255.255.255.255/32', true],
    ['2001:db8::/32', '2001:db8:1::/48', true],
    ['::/0', '::1', true],
    // The block is what counts, not the host bits it was written with.
    ['10.244.4.1/24', '10.244.4.200', true],
    ['10.1.0.0/16', '10.0.0.0/8', false],
    ['10.0.0.0/25', '10.0.0.128', false],
    ['10.0.0.0/25', '10.0.0.0/24', false],
    ['2001:db8::/32', '2001:db9::1', false],
    // Different families never contain each other; IPv4-mapped IPv6 is IPv4.
    ['::/0', '10.0.0.1', false],
    ['0.0.0.0/0', '::1', false],
    ['10.0.0.0/8', '::ffff:10.1.2.3', true],
    ['::ffff:10.0.0.0/104', '10.9.9.9', true],
  ])('%s contains %s: %s', (outer, inner, expected) => {
    expect(cidrContains(outer, inner)).toBe(expected);
  });

  it('throws a typed error on invalid input', () => {
    expect(() => cidrContains('10.0.0.0/8', '10.1')).toThrow(CidrError);
  });
});

describe('cidrsOverlap', () => {
  it.each([
    ['10.0.0.0/8', '10.1.0.0/16', true],
    ['10.1.0.0/16', '10.0.0.0/8', true],
    ['fd00::/64', 'fd00::1', true],
    // Adjacent is not overlapping.
    ['10.0.0.0/25', '10.0.0.128/25', false],
    ['fd00::/65', 'fd00::8000:0:0:0/65', false],
    // Never across families, and never a throw for mixing them.
    ['0.0.0.0/0', '::/0', false],
    ['::/0', '10.0.0.0/8', false],
  ])('%s and %s overlap: %s', (a, b, expected) => {
    expect(cidrsOverlap(a, b)).toBe(expected);
  });
});

describe('mergeCidrs', () => {
  it('combines adjacent blocks', () => {
    expect(mergeCidrs(['10.0.0.0/25', '10.0.0.128/25'])).toEqual(['10.0.0.0/24']);
    expect(mergeCidrs(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/23'])).toEqual(['10.0.0.0/22']);
    expect(mergeCidrs(['0.0.0.0/1', '128.0.0.0/1'])).toEqual(['0.0.0.0/0']);
    expect(mergeCidrs(['::/1', '8000::/1'])).toEqual(['::/0']);
  });

  it('keeps adjacent blocks that do not form one block apart', () => {
    expect(mergeCidrs(['10.0.1.0/24', '10.0.2.0/24'])).toEqual(['10.0.1.0/24', '10.0.2.0/24']);
  });

  it('collapses nested and duplicate inputs', () => {
    expect(mergeCidrs(['10.0.0.0/8', '10.1.0.0/16', '10.0.0.0/8', '10.2.3.4'])).toEqual(['10.0.0.0/8']);
    expect(mergeCidrs(['2001:db8::/32', '2001:DB8:0:0::/48'])).toEqual(['2001:db8::/32']);
  });

  it('clears host bits and sorts IPv4 first, then by address', () => {
    expect(mergeCidrs(['fd00::1/64', '192.168.0.0/16', '10.244.4.1/24', '::ffff:172.16.0.0/108'])).toEqual([
      '10.244.4.0/24',
      '172.16.0.0/12',
      '192.168.0.0/16',
      'fd00::/64',
    ]);
  });

  it('handles empty input and single addresses', () => {
    expect(mergeCidrs([])).toEqual([]);
    expect(mergeCidrs(['10.0.0.0', '10.0.0.1'])).toEqual(['10.0.0.0/31']);
    expect(mergeCidrs(['::', '::1'])).toEqual(['::/127']);
  });
});

describe('subtractCidrs', () => {
  it('splits a block around a hole', () => {
    expect(subtractCidrs(['10.0.0.0/8'], ['10.1.0.0/16'])).toEqual([
      '10.0.0.0/16',
      '10.2.0.0/15',
      '10.4.0.0/14',
      '10.8.0.0/13',
      '10.16.0.0/12',
      '10.32.0.0/11',
      '10.64.0.0/10',
      '10.128.0.0/9',
    ]);
  });

  it('removes everything, or nothing', () => {
    expect(subtractCidrs(['10.0.0.0/24'], ['10.0.0.0/8'])).toEqual([]);
    expect(subtractCidrs(['0.0.0.0/0'], ['0.0.0.0/0'])).toEqual([]);
    expect(subtractCidrs(['10.0.0.0/24'], ['10.0.1.0/24'])).toEqual(['10.0.0.0/24']);
    expect(subtractCidrs([], ['10.0.0.0/8'])).toEqual([]);
  });

  it('works at the edges of the address space', () => {
    expect(subtractCidrs(['0.0.0.0/0'], ['0.0.0.0/32', '255.255.255.255/32'])).toHaveLength(62);
    expect(subtractCidrs(['::/0'], ['::/1'])).toEqual(['8000::/1']);
    expect(subtractCidrs(['10.0.0.0/31'], ['10.0.0.1'])).toEqual(['10.0.0.0/32']);
  });

  it('leaves the other family alone', () => {
    expect(subtractCidrs(['10.0.0.0/24', 'fd00::/64'], ['::/0'])).toEqual(['10.0.0.0/24']);
    expect(subtractCidrs(['10.0.0.0/24', 'fd00::/64'], ['0.0.0.0/0'])).toEqual(['fd00::/64']);
  });

  it('merges what remains', () => {
    expect(subtractCidrs(['10.0.0.0/25', '10.0.0.128/25', '10.0.1.0/24'], ['10.0.1.0/24'])).toEqual(['10.0.0.0/24']);
  });
});

describe('uncoveredCidrs', () => {
  it('is empty when the cover holds the required block', () => {
    expect(uncoveredCidrs('10.244.0.0/16', ['10.244.0.0/17', '10.244.128.0/17'])).toEqual([]);
    expect(uncoveredCidrs('10.244.0.0/16', ['10.0.0.0/8'])).toEqual([]);
  });

  it('names the gaps', () => {
    expect(uncoveredCidrs('10.244.0.0/16', ['10.244.0.0/17', '10.244.192.0/18'])).toEqual(['10.244.128.0/18']);
    expect(uncoveredCidrs('fd00::/64', [])).toEqual(['fd00::/64']);
    expect(uncoveredCidrs('10.244.0.0/16', ['fd00::/8'])).toEqual(['10.244.0.0/16']);
  });
});
