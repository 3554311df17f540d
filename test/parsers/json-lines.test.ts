import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLineTree } from '../../src/parsers/json-lines.js';
import { maxNestingDepth, parseStructured, parseStructuredOne } from '../../src/parsers/structured-text.js';

/** Every path of a value (keys and indexes), the root included. */
function paths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  const out = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

// Keys with escapes, quotes, unicode and the names an object literal has (__proto__, constructor).
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'a"b', 'a\\b', 'tab\there', 'é', '😀', '0', ''));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 8 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
})).value;

describe('JSON read by JSON.parse with lines (parseStructuredOne)', () => {
  it('gives the value and the line of every value the YAML reader gives, in every layout', () => {
    fc.assert(
      fc.property(fc.oneof(json.filter((v) => typeof v === 'object' && v !== null)), fc.constantFrom(0, 2, 4, '\t'), fc.constantFrom('', '\n', '  \r\n'), (value, indent, lead) => {
        const text = lead + JSON.stringify(value, null, indent);
        const fast = parseStructuredOne(text, { file: 'x.json', lineOffset: 3 });
        const [slow] = parseStructured(text, { file: 'x.json', lineOffset: 3 }).documents;
        expect(fast.diagnostics).toEqual([]);
        // (JSON text, not toStrictEqual: vitest compares `constructor` properties as the objects' types)
        expect(JSON.stringify(fast.document!.value)).toBe(JSON.stringify(JSON.parse(text)));
        expect(JSON.stringify(fast.document!.value)).toBe(JSON.stringify(slow!.value));
        expect(fast.document!.line).toBe(4); // as the YAML reader's parseStructuredOne: the file's first line
        for (const path of paths(fast.document!.value)) expect([path, fast.document!.lineOf(path)]).toEqual([path, slow!.lineOf(path)]);
        expect(fast.document!.lineOf(['no such key', 7])).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('a repeated key keeps its last value, as JSON.parse does, with its line', () => {
    const { document, diagnostics } = parseStructuredOne('{\n"a": 1,\n"a": {\n"b": 2}\n}');
    expect(diagnostics).toEqual([]);
    expect(document!.value).toEqual({ a: { b: 2 } });
    expect(document!.lineOf(['a', 'b'])).toBe(4);
  });

  it('leaves to the YAML reader what is not JSON, too large or too deep (its diagnostics as before)', () => {
    expect(parseStructuredOne('{"a": [1}', { file: 'x.json' }).diagnostics).toMatchObject([{ severity: 'error', code: 'syntax', line: 1 }]);
    const deep = `${'['.repeat(maxNestingDepth + 1)}${']'.repeat(maxNestingDepth + 1)}`;
    expect(jsonLineTree(deep, maxNestingDepth)).toBeUndefined();
    expect(parseStructuredOne(deep, { file: 'x.json' }).diagnostics).toMatchObject([{ code: 'too-deep' }]);
    expect(parseStructuredOne('a: 1').document!.value).toEqual({ a: 1 });
  });
});
