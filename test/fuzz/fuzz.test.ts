import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parsers } from '../../src/parsers/index.js';
import { parserInput, snapshotFiles } from './arbitraries.js';
import { checkParser, checkSnapshot } from './properties.js';

/**
 * The CI-sized fuzz run: fixed seed, few runs, so `npm test` stays fast and repeatable.
 * Long runs: `npm run fuzz -- --runs 100000` (scripts/fuzz.ts); results in docs/reliability.md.
 */
const seed = 20261203;
const parserRuns = 25;
const snapshotRuns = 15;

describe('fuzz: every exported parser survives any text', () => {
  for (const parser of parsers) {
    it(parser.id, () => {
      fc.assert(fc.property(parserInput, (text) => checkParser(parser, text)), { seed, numRuns: parserRuns, endOnFailure: true });
    });
  }
});

describe('fuzz: buildSnapshot and analyze survive any file tree, in any order', () => {
  it('random file trees and object shapes', async () => {
    await fc.assert(fc.asyncProperty(snapshotFiles, (files) => checkSnapshot(files)), { seed, numRuns: snapshotRuns, endOnFailure: true });
  });
});
