import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles } from './import-graph.js';

const src = resolve(import.meta.dirname, '../../src');

describe('src/ import graph', () => {
  it('has no import circle (type-only imports included): a type belongs to the lower module', () => {
    expect(importCycles(src)).toEqual([]);
  });

  it('finds a circle when there is one', () => {
    expect(importCycles(resolve(import.meta.dirname, '../fixtures/import-cycle'))).toEqual([['a.ts', 'b.ts']]);
  });
});
