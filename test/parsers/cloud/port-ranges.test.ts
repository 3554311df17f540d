import { describe, expect, it } from 'vitest';
import {
  mergePortRanges,
  parsePortRanges,
  portRangesCover,
  uncoveredPortRanges,
  unionPortRanges,
} from '../../../src/parsers/cloud/port-ranges.js';

describe('port ranges', () => {
  it('reads the forms Tencent security group rules print', () => {
    expect(parsePortRanges('ALL')).toBe('all');
    expect(parsePortRanges('all')).toBe('all');
    expect(parsePortRanges('80')).toEqual([[80, 80]]);
    expect(parsePortRanges('80,443')).toEqual([
      [80, 80],
      [443, 443],
    ]);
    expect(parsePortRanges('30000-32768')).toEqual([[30000, 32768]]);
    expect(parsePortRanges(' 80, 8000-8080 ')).toEqual([
      [80, 80],
      [8000, 8080],
    ]);
  });

  it('rejects what is not a port list', () => {
    for (const text of ['', '30000-', '-1', '70000', '80-70', '1-2-3', 'http', '80;443']) expect(parsePortRanges(text), text).toBeUndefined();
  });

  it('merges overlapping and adjacent ranges', () => {
    expect(
      mergePortRanges([
        [101, 101],
        [80, 90],
        [85, 100],
        [200, 300],
      ]),
    ).toEqual([
      [80, 101],
      [200, 300],
    ]);
  });

  it('says which part of a range is left out, using the union of the ranges', () => {
    expect(uncoveredPortRanges([[30000, 31000]], 30000, 32768)).toEqual([[31001, 32768]]);
    expect(
      uncoveredPortRanges(
        [
          [30000, 30999],
          [31000, 32767],
        ],
        30000,
        32768,
      ),
    ).toEqual([[32768, 32768]]);
    expect(uncoveredPortRanges([[80, 80]], 30000, 32768)).toEqual([[30000, 32768]]);
    expect(uncoveredPortRanges([[30500, 30600]], 30000, 32768)).toEqual([
      [30000, 30499],
      [30601, 32768],
    ]);
    expect(uncoveredPortRanges('all', 1, 65535)).toEqual([]);
    expect(uncoveredPortRanges([], 53, 53)).toEqual([[53, 53]]);
  });

  it('answers whether rules cover a port or a range', () => {
    const nodePorts = parsePortRanges('30000-31000,31001-32768') ?? [];
    expect(portRangesCover(nodePorts, 30000, 32768)).toBe(true);
    expect(portRangesCover(nodePorts, 32769)).toBe(false);
    expect(portRangesCover('all', 8472)).toBe(true);
    expect(unionPortRanges([[[80, 80]], [[81, 90]]])).toEqual([[80, 90]]);
    expect(unionPortRanges([[[80, 80]], 'all'])).toBe('all');
  });
});
