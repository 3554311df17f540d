import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskSecrets, maskWhole } from '../../src/snapshot/mask-secrets.js';

// A short text is masked only when the prefilter (`quick`) matches it: it must match wherever any expression would.
const word = fc.constantFrom(
  'password', 'passwd', 'token', 'access_key', 'accessKeySecret', 'client-secret', '--token', 'pwd', 'PWD', 'api_key', 'api-key', 'apikey',
  'private-key', 'credentials', 'Bearer', 'Basic', 'https://user:pa55@host', 'ftp://u:p@x', '://a:b@', 'value', 'abcdefghij', '"quoted"',
  "'single'", ':', '=', ',', '@', '/', 'KUBE-SVC-PWDXYZ', 'PassWord', 'TOKEN', 'Api-Key', 'HTTPS://U:P@H', 'api\u212Aey', '\u0130', 'ſecret', 'Ĳ',
);
const piece = fc.oneof({ weight: 6, arbitrary: word }, { weight: 2, arbitrary: fc.constantFrom(' ', '\t', '') }, { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n') });

describe('maskSecrets on short texts', () => {
  it('equals masking the whole text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(maskSecrets(text)).toBe(maskWhole(text));
      }),
      { numRuns: 3000, seed: 17 },
    );
  });
});
