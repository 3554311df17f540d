import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseItemWithoutManagedFields, withoutManagedFields } from '../../src/node/managed-fields-cut.js';

/** A managedFields entry as the API server writes it: scalars and nested sets of `{}`. */
const fieldSet: fc.Arbitrary<Record<string, unknown>> = fc.letrec((tie) => ({
  set: fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant({}), tie('set')), { maxKeys: 4 }),
})).set as fc.Arbitrary<Record<string, unknown>>;
const entry = fc.record({
  apiVersion: fc.constant('v1'),
  fieldsType: fc.constant('FieldsV1'),
  fieldsV1: fieldSet,
  manager: fc.string(),
  operation: fc.constantFrom('Update', 'Apply'),
  time: fc.constant('2026-10-02T12:53:29Z'),
  count: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.constant([])),
});
const item = fc.record({
  apiVersion: fc.constant('v1'),
  kind: fc.constant('Pod'),
  metadata: fc.record({ labels: fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }), managedFields: fc.array(entry, { minLength: 1, maxLength: 3 }), name: fc.string() }),
  spec: fc.record({ nodeName: fc.string() }),
});
/** An item as it sits inside `kubectl get -o json`'s List: 4-space layout, 8 spaces in. */
const printed = (value: unknown) => JSON.stringify(value, null, 4).replace(/\n/g, '\n        ');

/** JSON.parse's value without metadata.managedFields, or the error's absence. */
function reference(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    const value = JSON.parse(text) as { metadata?: Record<string, unknown> };
    return { ok: true, value: strip(value) };
  } catch {
    return { ok: false };
  }
}
function strip(value: unknown): unknown {
  const v = value as { metadata?: Record<string, unknown> } | null;
  if (v && typeof v === 'object' && v.metadata && typeof v.metadata === 'object' && 'managedFields' in v.metadata) {
    const { managedFields: _, ...metadata } = v.metadata;
    return { ...v, metadata };
  }
  return v;
}
function cutWay(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: strip(parseItemWithoutManagedFields(text)) };
  } catch {
    return { ok: false };
  }
}

describe('parsing an item without its managedFields', () => {
  it('cuts kubectl’s layout and gives JSON.parse’s value but for that array', () => {
    fc.assert(
      fc.property(item, (value) => {
        const text = printed(value);
        expect(withoutManagedFields(text)).toBeDefined();
        expect(cutWay(text)).toStrictEqual(reference(text));
      }),
      { numRuns: 300 },
    );
  });

  it('is exact on any damage: same value or same failure as JSON.parse of the whole item', () => {
    const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('replace', 'delete', 'insert', 'duplicate-line', 'drop-line', 'swap'), char: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', 'a', '0', '-', '\r', '\t', 'e') });
    fc.assert(
      fc.property(item, fc.array(edit, { minLength: 1, maxLength: 3 }), (value, edits) => {
        let text = printed(value);
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          if (e.kind === 'replace') text = text.slice(0, at) + e.char + text.slice(at + 1);
          else if (e.kind === 'delete') text = text.slice(0, at) + text.slice(at + 1);
          else if (e.kind === 'insert') text = text.slice(0, at) + e.char + text.slice(at);
          else if (e.kind === 'swap') text = text.replace(e.char === '{' ? '{' : '}', e.char === '{' ? '[' : ']');
          else {
            const lines = text.split('\n');
            const line = at % lines.length;
            if (e.kind === 'drop-line') lines.splice(line, 1);
            else lines.splice(line, 0, lines[line]!);
            text = lines.join('\n');
          }
        }
        expect(cutWay(text)).toStrictEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('parses whole what it cannot prove: another layout, a non-empty array inside, a key inside a string', () => {
    const value = { kind: 'Pod', metadata: { managedFields: [{ manager: 'm', fieldsV1: { 'f:a': {} } }], name: 'p' } };
    const compact = JSON.stringify(value);
    const twoSpaces = JSON.stringify(value, null, 2);
    const crlf = printed(value).replace(/\n/g, '\r\n');
    const nested = printed({ kind: 'Pod', metadata: { managedFields: [{ manager: 'm', list: [1, 2] }], name: 'p' } });
    const inString = printed({ kind: 'Pod', metadata: { annotations: { a: '"managedFields": [' }, name: 'p' } });
    for (const text of [compact, twoSpaces, crlf, nested, inString]) {
      expect(withoutManagedFields(text)).toBeUndefined();
      expect(cutWay(text)).toStrictEqual(reference(text));
    }
  });

  it('keeps the marker only where the cut array is the item’s metadata.managedFields', () => {
    const elsewhere = printed({ kind: 'Pod', metadata: { name: 'p' }, spec: { managedFields: [{ manager: 'm' }] } });
    expect(withoutManagedFields(elsewhere)).toBeDefined(); // proven an array, but not metadata's
    expect(parseItemWithoutManagedFields(elsewhere)).toStrictEqual(JSON.parse(elsewhere));
  });
});
