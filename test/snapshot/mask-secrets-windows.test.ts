import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskSecrets, maskWhole } from '../../src/snapshot/mask-secrets.js';

// maskSecrets masks texts over 64 KiB window by window; the result must be what running every
// expression over the whole text gives (maskWhole). Padding takes a generated text past 64 KiB.
const pad = (text: string) => `${'#'.repeat(70 * 1024)}\n${text}\n${'#'.repeat(10)}`;

const word = fc.constantFrom(
  'password', 'token', 'access_key', 'accessKeySecret', 'client-secret', '--token', 'pwd', 'PWD', 'api_key', 'private-key', 'credentials',
  'Bearer', 'Basic', 'https://user:pa55@host', 'ftp://u:p@x', 'value', 'abcdefghij', '"quoted"', "'single'", '"esc\\"aped"',
  ':', '=', ' : ', ' = ', ',', ';', '}', ']', '"', "'", '<redacted>', 'true', '12345', '-', 'KUBE-SVC-PWDXYZ',
  // Case and Unicode, for the scan of the lower-cased text: mixed case, the Kelvin sign (lower-cases to `k`),
  // U+0130 (lower-cases to two characters), the long s (upper-cases to `S`).
  'PassWord', 'TOKEN', 'Api-Key', 'HTTPS://U:P@H', 'api\u212Aey', 'to\u212Aen', '\u0130', 'ſecret', 'Ĳ',
);
const piece = fc.oneof({ weight: 6, arbitrary: word }, { weight: 2, arbitrary: fc.constantFrom(' ', '  ', '\t') }, { weight: 3, arbitrary: fc.constantFrom('\n', '\n\n', '\n   \n') });

describe('maskSecrets on long texts (windowed)', () => {
  it('equals masking the whole text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const long = pad(`${text}\n${parts.slice(0, 20).join('')}`);
        expect(maskSecrets(long)).toBe(maskWhole(long));
      }),
      { numRuns: 3000, seed: 16 },
    );
  });

  // Without `://` the scan looks for the words alone, over the text as it is (no lower-cased copy): the
  // pieces of a URL without it, and ipvsadm rows, must still mask as the whole text does.
  it('equals masking the whole text when the text holds no `://`', () => {
    const near = fc.constantFrom(':/', ':/ /', 'user:pa55@host', 'x:/y:z@w', '@', '/', '  -> 10.0.0.1:80   Masq  1  0  0', 'TCP  10.0.0.1:80 rr', 'Weight');
    const noUrl = fc.oneof({ weight: 6, arbitrary: word.filter((w) => !w.includes('://')) }, { weight: 2, arbitrary: near }, { weight: 3, arbitrary: fc.constantFrom(' ', '\n', '\n\n', '\n   \n') });
    fc.assert(
      fc.property(fc.array(noUrl, { maxLength: 60 }), (parts) => {
        const long = pad(parts.join(''));
        fc.pre(!long.includes('://'));
        expect(maskSecrets(long)).toBe(maskWhole(long));
      }),
      { numRuns: 3000, seed: 161 },
    );
  });

  it('masks a value two lines below its name, and leaves an iptables-save untouched', () => {
    const text = pad('password\n\n  :\n\n   hunter2 and more\nnext');
    expect(maskSecrets(text)).toBe(pad('password\n\n  :\n\n   <redacted> and more\nnext'));
    const iptables = pad('-A KUBE-SERVICES -m comment --comment "ns/svc-PWD cluster IP" -j KUBE-SVC-PWD\n'.repeat(2000));
    expect(maskSecrets(iptables)).toBe(iptables);
  });
});
