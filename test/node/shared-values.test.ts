import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeObjects } from '../../src/node/file-in-worker.js';
import { SharedValueDecoder, SharedValueEncoder, SharedValueInterner, sameJson, sharedFields } from '../../src/node/shared-values.js';

const value = fc.oneof(
  fc.dictionary(fc.constantFrom('app', 'a/b', '__proto__', '0', 'tier'), fc.constantFrom('x', 'y', ''), { maxKeys: 3 }),
  fc.array(fc.record({ key: fc.constantFrom('k', 'node.kubernetes.io/not-ready'), operator: fc.constantFrom('Exists', 'Equal') }, { requiredKeys: [] }), { maxLength: 2 }),
  fc.constant(null),
  fc.constant(7),
  fc.constant('text'),
);
const object: fc.Arbitrary<Record<string, unknown>> = fc.record({ kind: fc.constantFrom('Pod', 'Node'), name: fc.string({ maxLength: 4 }), ...Object.fromEntries(sharedFields.map((f) => [f, value])) }, { requiredKeys: ['kind', 'name'] });

describe('values repeated across reduced objects, sent once across the thread', () => {
  it('gives back the very objects, in batches, repeated values shared (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(object, { maxLength: 5 }), { maxLength: 5 }), (batches) => {
        const encoder = new SharedValueEncoder();
        const decoder = new SharedValueDecoder();
        const expected = JSON.parse(JSON.stringify(batches)) as unknown[][];
        const received = batches.map((batch) => {
          for (const o of batch) encoder.encode(o);
          // what crosses: numbers where the values were
          for (const o of batch) for (const f of sharedFields) if (f in o && typeof o[f] !== 'number') throw new Error('not encoded');
          return decodeObjects({ json: JSON.stringify(batch), shared: encoder.takeFresh() }, decoder);
        });
        expect(received).toStrictEqual(expected);
        expect(JSON.stringify(received)).toBe(JSON.stringify(expected));
        const all = received.flat() as Array<Record<string, unknown>>;
        for (const f of sharedFields) {
          const byText = new Map<string, unknown>();
          for (const o of all) {
            if (o[f] === null || typeof o[f] !== 'object') continue;
            const text = JSON.stringify(o[f]);
            if (byText.has(text)) expect(o[f]).toBe(byText.get(text));
            else byText.set(text, o[f]);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives objects reduced in the main thread the same values, each distinct one kept once (property)', () => {
    fc.assert(
      fc.property(fc.array(object, { maxLength: 12 }), (objects) => {
        const expected = JSON.stringify(objects);
        const interner = new SharedValueInterner();
        for (const o of objects) interner.intern(o);
        expect(JSON.stringify(objects)).toBe(expected);
        for (const f of sharedFields) {
          const byText = new Map<string, unknown>();
          for (const o of objects) {
            if (o[f] === null || typeof o[f] !== 'object') continue;
            const text = JSON.stringify(o[f]);
            if (byText.has(text)) expect(o[f]).toBe(byText.get(text));
            else byText.set(text, o[f]);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** Values whose JSON texts are easily equal, and easily not: key order, -0, NaN, undefined, toJSON, class instances, null prototypes. */
const leaf = fc.constantFrom<unknown>(0, -0, 1, NaN, Infinity, '', 'a', '0', true, false, null, undefined, new Date(0), () => 1);
const odd = fc.oneof(
  fc.constant({ toJSON: () => 'x' }),
  fc.constant(Object.assign(Object.create(null) as object, { a: 1 })),
  fc.constant(new (class Box {
    a = 1;
  })()),
);
const jsonish: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    odd,
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', '__proto__', '1'), tie('v'), { maxKeys: 3 }),
  ),
})).v;

describe('sameJson', () => {
  it('is true only when JSON.stringify writes the same text (property)', () => {
    fc.assert(
      fc.property(jsonish, jsonish, (a, b) => {
        if (sameJson(a, b)) expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        const copy = structuredCloneOrSame(a);
        if (sameJson(a, copy)) expect(JSON.stringify(copy)).toBe(JSON.stringify(a));
        const reordered = keysReversed(a);
        if (sameJson(a, reordered)) expect(JSON.stringify(reordered)).toBe(JSON.stringify(a));
      }),
      { numRuns: 3000 },
    );
  });

  it('is true for equal plain values, so the comparison saves the text (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(sameJson(value, JSON.parse(JSON.stringify(value)))).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson([1, undefined], [1, undefined])).toBe(false);
    expect(sameJson(new Date(0), new Date(1))).toBe(false);
  });
});

function structuredCloneOrSame(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

/** The same value with every plain object's keys in reverse order. */
function keysReversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keysReversed);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse()) Object.defineProperty(out, key, { value: keysReversed((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  return out;
}
