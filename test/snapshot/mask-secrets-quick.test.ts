import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskSecrets, maskWhole, maskWindows, quick } from '../../src/snapshot/mask-secrets.js';

// The prefilter as it was written before its alternatives were grouped by first letter.
const before = /access|secret|passw|pwd|token|credential|private|api[_-]?key|bearer|basic|:\/\/[^\s/@]+:[^\s/@]+@/i;

const word = fc.constantFrom(
  'password', 'passwd', 'pass', 'token', 'tok', 'access_key', 'accessKeySecret', 'acce', 'client-secret', 'secre', '--token', 'pwd', 'PWD', 'pw',
  'api_key', 'api-key', 'apikey', 'api__key', 'private-key', 'privat', 'credentials', 'credent', 'Bearer', 'bear', 'Basic', 'basi',
  'https://user:pa55@host', 'ftp://u:p@x', '://a:b@', ':/', 'value', 'abcdefghij', '"quoted"', "'single'", ':', '=', ',', '@', '/',
  'a', 'p', 's', 'b', 'KUBE-SVC-PWDXYZ', 'PassWord', 'TOKEN', 'Api-Key', 'HTTPS://U:P@H', 'api\u212Aey', '\u0130', 'ſecret', 'Ĳ',
);
const piece = fc.oneof({ weight: 6, arbitrary: word }, { weight: 2, arbitrary: fc.constantFrom(' ', '\t', '') }, { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n') });
const matches = (pattern: RegExp, flags: string, text: string) => [...text.matchAll(new RegExp(pattern.source, flags))].map((m) => [m.index, m[0]]);

describe('the masking prefilter (quick)', () => {
  it('matches the same strings at the same places as before its alternatives were grouped', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(matches(quick, 'gi', text)).toEqual(matches(before, 'gi', text));
        const lower = text.toLowerCase();
        expect(matches(quick, 'g', lower)).toEqual(matches(before, 'g', lower));
      }),
      { numRuns: 5000, seed: 16 },
    );
  });

  it('a long text scanned in pieces (lower-cased piece by piece) is masked as masking the whole text', () => {
    const pad = (text: string) => `${'#'.repeat(70 * 1024)}\n${text}\n${'#'.repeat(10)}`;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.constantFrom(1, 2, 7, 64, 4096, 80 * 1024), (parts, chunk) => {
        const text = parts.join('');
        const long = pad(`${text}\n${parts.slice(0, 20).join('')}\n${text}`);
        expect(maskWindows(long, chunk)).toBe(maskWhole(long));
        expect(maskWindows(text, chunk)).toBe(maskWhole(text));
      }),
      { numRuns: 2000, seed: 18 },
    );
  });

  it('short texts (one RegExp test, then every expression) are masked as masking the whole text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(maskSecrets(text)).toBe(maskWhole(text));
      }),
      { numRuns: 3000, seed: 17 },
    );
  });
});
