import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDepthCut, mayHoldDepthCut, readPowerShellObjects } from '../../../src/parsers/windows/powershell-json.js';

/** Whether any value (not key) of `value` is one ConvertTo-Json cut at its -Depth. */
function holdsCut(value: unknown): boolean {
  if (isDepthCut(value)) return true;
  if (Array.isArray(value)) return value.some(holdsCut);
  return value !== null && typeof value === 'object' && Object.values(value).some(holdsCut);
}

/** JSON text with some characters of strings written as `\uXXXX` (as JSON allows), by `seed`. */
function escapedJson(value: unknown, seed: number): string {
  let n = seed;
  const text = JSON.stringify(value, null, 2);
  return text.replace(/"(?:[^"\\]|\\.)*"/g, (s) =>
    s.replace(/[^"\\]/g, (c) => ((n = (n * 1103515245 + 12345) & 0x7fffffff) % 5 === 0 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)),
  );
}

const str = fc.oneof(fc.constantFrom('System.Object[]', '@{Type=VSID; VSID=4096}', '@{}', '@{', 'System.Object', 'x@{y}', 'L2Bridge', ''), fc.string({ maxLength: 6 }));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, str, fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(str, tie('value'), { maxKeys: 4 }),
})).value;

describe('the -Depth cut check (readPowerShellObjects)', () => {
  it('never rules out a text whose values hold a cut, whatever escapes write them', () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: 1000 }), (value, seed) => {
        const text = escapedJson(value, seed);
        expect(JSON.parse(text)).toEqual(value);
        if (holdsCut(value)) expect(mayHoldDepthCut(text)).toBe(true);
      }),
      { numRuns: 2000, seed: 1618 },
    );
  });

  it('reports a cut written with escapes, and a YAML-quoted one', () => {
    const escaped = '[{"Name": "cbr0", "Policies": ["\\u0040{Type=VSID}"]}]';
    expect(readPowerShellObjects(escaped, 'n.json', 'Get-HnsNetwork').diagnostics).toMatchObject([{ code: 'powershell-depth-truncated', line: 1 }]);
    const yamlQuoted = "[{Name: cbr0, Policies: ['@{Type=VSID}']}]";
    expect(readPowerShellObjects(yamlQuoted, 'n.json', 'Get-HnsNetwork').diagnostics).toMatchObject([{ code: 'powershell-depth-truncated' }]);
    expect(readPowerShellObjects('[{"Name": "cbr0", "Policies": []}]', 'n.json', 'Get-HnsNetwork').diagnostics).toEqual([]);
  });
});
