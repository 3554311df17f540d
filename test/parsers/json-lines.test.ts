import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { jsonLineTree, lineAt } from '../../src/parsers/json-lines.js';
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

/**
 * The first implementation (a node per value, every container's members in one pass), kept as the
 * reference the lazy line index must equal — also where the YAML reader cannot answer (repeated keys).
 */
function referenceLineAt(text: string, path: readonly (string | number)[]): number | undefined {
  type Node = { line: number; keys?: Map<string, Node>; items?: Node[] };
  let line = 1;
  let i = 0;
  const stack: Node[] = [];
  let pendingKey: string | undefined;
  let root: Node | undefined;
  const place = (node: Node) => {
    const parent = stack[stack.length - 1];
    if (!parent) root = node;
    else if (parent.items) parent.items.push(node);
    else if (pendingKey !== undefined) parent.keys!.set(pendingKey, node);
    pendingKey = undefined;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') (line++, i++);
    else if (' \t\r,:'.includes(c)) i++;
    else if (c === '{' || c === '[') {
      const node: Node = c === '{' ? { line, keys: new Map() } : { line, items: [] };
      place(node);
      stack.push(node);
      i++;
    } else if (c === '}' || c === ']') (stack.pop(), i++);
    else if (c === '"') {
      const start = i++;
      while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      const parent = stack[stack.length - 1];
      if (parent?.keys && pendingKey === undefined) pendingKey = JSON.parse(text.slice(start, i)) as string;
      else place({ line });
    } else {
      place({ line });
      while (i < text.length && !',}] \n\r\t'.includes(text[i]!)) i++;
    }
  }
  let node = root;
  for (const key of path) node = node?.keys ? node.keys.get(String(key)) : node?.items?.[Number(key)];
  return node?.line;
}

/** JSON text of `value` that repeats some keys (an earlier value first, the kept one last), with line breaks here and there. */
function withRepeats(value: unknown, seed: number): string {
  let n = seed;
  const flip = () => ((n = (n * 1103515245 + 12345) & 0x7fffffff) & 3) === 0;
  const text = (v: unknown): string => {
    const br = flip() ? '\n' : ' ';
    if (Array.isArray(v)) return `[${br}${v.map(text).join(`,${br}`)}${br}]`;
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    const members = Object.entries(v).flatMap(([k, x]) => [...(flip() ? [`${JSON.stringify(k)}:${br}[{${br}"shadowed": ${JSON.stringify(k)}}]`] : []), `${JSON.stringify(k)}: ${text(x)}`]);
    return `{${br}${members.join(`,${br}`)}${br}}`;
  };
  return text(value);
}

describe('jsonLineTree and lineAt: the lazy line index', () => {
  it('gives the line of every path as the first implementation did, repeated keys included', () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: 1000 }), (value, seed) => {
        const text = withRepeats(value, seed);
        const parsed = JSON.parse(text) as unknown;
        const tree = jsonLineTree(text, maxNestingDepth);
        for (const path of [...paths(parsed), ['no such key'], [0, 0, 0], ['0'], ['length']]) expect([path, lineAt(tree, path)]).toEqual([path, referenceLineAt(text, path)]);
      }),
      { numRuns: 500, seed: 1617 },
    );
  });

  it('gives every line of the HNS fixtures as the first implementation did', () => {
    const dir = new URL('../fixtures/outputs/hns-networks/', import.meta.url).pathname;
    let read = 0;
    // (broken-*.json are not JSON: the YAML reader takes them)
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('broken-'))) {
      const text = readFileSync(dir + name, 'utf8');
      const tree = jsonLineTree(text, maxNestingDepth);
      for (const path of paths(JSON.parse(text))) expect([name, path, lineAt(tree, path)]).toEqual([name, path, referenceLineAt(text, path)]);
      read++;
    }
    expect(read).toBeGreaterThanOrEqual(4);
  });
});
