import { describe, expect, it } from 'vitest';
import { TextPool, lazyTextFile, textLength } from '../../src/snapshot/lazy-text.js';

describe('lazyTextFile and TextPool', () => {
  it('reads a text when asked, keeps recent ones within the budget, and knows lengths without reading', () => {
    const reads: string[] = [];
    const pool = new TextPool(10);
    const file = (name: string, text: string) => lazyTextFile(name, text.length, () => (reads.push(name), text), pool);
    const a = file('a', 'aaaaaa');
    const b = file('b', 'bbbbbb');
    const huge = file('huge', 'h'.repeat(11));
    expect(textLength(a)).toBe(6);
    expect(reads).toEqual([]);
    expect(a.text).toBe('aaaaaa');
    expect(a.text).toBe('aaaaaa');
    expect(reads).toEqual(['a']);
    // b does not fit beside a: a, the least recently used, leaves.
    expect(b.text).toBe('bbbbbb');
    expect(a.text).toBe('aaaaaa');
    expect(reads).toEqual(['a', 'b', 'a']);
    // Over the whole budget: read every time, nothing else leaves for it.
    expect(huge.text).toHaveLength(11);
    expect(huge.text).toHaveLength(11);
    expect(a.text).toBe('aaaaaa');
    expect(reads).toEqual(['a', 'b', 'a', 'huge', 'huge']);
    expect(JSON.parse(JSON.stringify(a))).toEqual({ file: 'a', text: 'aaaaaa' });
    expect(textLength({ file: 'plain', text: 'xyz' })).toBe(3);
  });
});
