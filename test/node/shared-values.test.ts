import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeObjects } from '../../src/node/file-in-worker.js';
import { SharedValueDecoder, SharedValueEncoder, sharedFields } from '../../src/node/shared-values.js';

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
});
