import { describe, expect, it } from 'vitest';
import { cidrContains } from '../../src/engine/operators/cidr-contains.js';
import { cidrsOverlap } from '../../src/engine/operators/cidrs-overlap.js';
import { isEmpty } from '../../src/engine/operators/is-empty.js';
import { versionAtLeast } from '../../src/engine/operators/version-at-least.js';
import { versionLessThan } from '../../src/engine/operators/version-less-than.js';
import { resolvePath } from '../../src/engine/path-resolver.js';

describe('custom operators', () => {
  it('cidrContains: address or CIDR inside, families never mix, garbage is false', () => {
    expect(cidrContains.evaluate('10.244.0.0/16', '10.244.4.1')).toBe(true);
    expect(cidrContains.evaluate('10.244.0.0/16', '10.244.4.0/24')).toBe(true);
    expect(cidrContains.evaluate('10.244.0.0/16', '10.245.0.0/24')).toBe(false);
    expect(cidrContains.evaluate('::/0', '10.0.0.1')).toBe(false);
    expect(cidrContains.evaluate('not-a-cidr', '10.0.0.1')).toBe(false);
    expect(cidrContains.evaluate(undefined, '10.0.0.1')).toBe(false);
  });

  it('cidrsOverlap: any pair of two lists', () => {
    expect(cidrsOverlap.evaluate(['172.20.0.0/16'], ['172.21.0.0/20', '172.20.128.0/20'])).toBe(true);
    expect(cidrsOverlap.evaluate('172.20.0.0/16', '172.21.0.0/20')).toBe(false);
    expect(cidrsOverlap.evaluate('fd00::/8', '10.0.0.0/8')).toBe(false);
  });

  it('version operators compare vendor tags and refuse non-versions', () => {
    expect(versionLessThan.evaluate('v0.15.1.4-e02c8f12-aliyun', 'v0.15.1.11-7e95fe23-aliyun')).toBe(true);
    expect(versionLessThan.evaluate('v0.15.1.11-7e95fe23-aliyun', 'v0.15.1.11-7e95fe23-aliyun')).toBe(false);
    expect(versionAtLeast.evaluate('v1.2.0', 'v1.2.0')).toBe(true);
    expect(versionLessThan.evaluate('unknown', '1.20')).toBe(false);
    expect(versionAtLeast.evaluate('unknown', '1.20')).toBe(false);
  });

  it('isEmpty: lists and strings only', () => {
    expect(isEmpty.evaluate([], true)).toBe(true);
    expect(isEmpty.evaluate([1], false)).toBe(true);
    expect(isEmpty.evaluate('', true)).toBe(true);
    expect(isEmpty.evaluate(undefined, true)).toBe(false);
    expect(isEmpty.evaluate(0, true)).toBe(false);
  });
});

describe('resolvePath', () => {
  it('follows plain dot paths through objects and arrays, never evaluating anything', () => {
    const value = { uncovered: [{ cidr: '10.96.0.0/12' }], source: { file: 'x' } };
    expect(resolvePath(value, 'uncovered.0.cidr')).toBe('10.96.0.0/12');
    expect(resolvePath(value, 'source.file')).toBe('x');
    expect(resolvePath(value, 'missing.deep')).toBeUndefined();
    expect(resolvePath(value, '$..cidr')).toBeUndefined();
    expect(resolvePath(value, '')).toBe(value);
  });
});
