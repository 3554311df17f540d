import { describe, expect, it } from 'vitest';
import { cidrSize, usableAddresses } from '../../src/cidr/index.js';

describe('cidrSize', () => {
  it.each([
    ['10.0.0.0/24', 256n],
    ['10.0.0.0/31', 2n],
    ['10.0.0.1', 1n],
    ['0.0.0.0/0', 2n ** 32n],
    ['fd00::/64', 2n ** 64n],
    ['::/0', 2n ** 128n],
    ['::1/128', 1n],
    ['::ffff:10.0.0.0/120', 256n],
  ])('%s holds %d addresses', (cidr, size) => {
    expect(cidrSize(cidr)).toBe(size);
  });
});

describe('usableAddresses', () => {
  it.each([
    ['10.0.0.0/24', 254n],
    ['10.0.0.0/26', 62n],
    ['10.0.0.0/30', 2n],
    ['10.0.0.0/31', 2n],
    ['10.0.0.0/32', 1n],
    ['0.0.0.0/0', 2n ** 32n - 2n],
    ['fd00::/120', 256n],
    ['fd00::/127', 2n],
    ['fd00::1/128', 1n],
  ])('%s has %d usable', (cidr, usable) => {
    expect(usableAddresses(cidr)).toBe(usable);
  });
});
