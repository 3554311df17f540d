import { describe, expect, it } from 'vitest';
import { cidrPosition, commonSupernet } from '../../src/cidr/index.js';

describe('commonSupernet', () => {
  it('is the smallest block holding every block', () => {
    expect(commonSupernet(['10.0.0.0/24', '10.0.1.0/24'])).toBe('10.0.0.0/23');
    expect(commonSupernet(['10.244.0.0/16', '10.244.3.0/24'])).toBe('10.244.0.0/16');
    expect(commonSupernet(['10.0.0.0/8', '192.168.0.0/16'])).toBe('0.0.0.0/0');
    expect(commonSupernet(['fd00::/64', 'fd00:0:0:1::/64'])).toBe('fd00::/63');
    expect(commonSupernet(['10.0.0.5/32'])).toBe('10.0.0.5/32');
  });
  it('is undefined for nothing or mixed families', () => {
    expect(commonSupernet([])).toBeUndefined();
    expect(commonSupernet(['10.0.0.0/8', 'fd00::/8'])).toBeUndefined();
  });
});

describe('cidrPosition', () => {
  it('places a block as fractions of the span', () => {
    expect(cidrPosition('10.0.0.0/23', '10.0.1.0/24')).toEqual({ from: 0.5, to: 1 });
    expect(cidrPosition('10.0.0.0/16', '10.0.0.0/18')).toEqual({ from: 0, to: 0.25 });
    expect(cidrPosition('fd00::/48', 'fd00:0:0:8000::/49')).toEqual({ from: 0.5, to: 1 });
  });
  it('clips to the span and says when there is nothing in common', () => {
    expect(cidrPosition('10.244.0.0/16', '10.0.0.0/8')).toEqual({ from: 0, to: 1 });
    expect(cidrPosition('10.244.0.0/16', '10.96.0.0/12')).toBeUndefined();
    expect(cidrPosition('10.0.0.0/8', 'fd00::/8')).toBeUndefined();
  });
});
