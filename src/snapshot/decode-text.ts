import { type Diagnostic, diagnostic } from '../diagnostics.js';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  diagnostics: Diagnostic[];
}

/**
 * Bytes → text. PowerShell's `>` redirection writes UTF-16LE with a BOM, and
 * Windows tools often add a UTF-8 BOM; both must read as the same text.
 * Uses only TextDecoder, so it runs in a browser as well as in Node.
 */
export function decodeText(bytes: Uint8Array, file?: string): DecodedText {
  const diagnostics: Diagnostic[] = [];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le', diagnostics);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be', diagnostics);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  else if (looksLikeUtf16Le(bytes)) {
    diagnostics.push(diagnostic('info', 'utf16-without-bom', 'read as UTF-16LE (no byte order mark, but every other byte is NUL)', { file }));
    return utf16(bytes, 'utf-16le', diagnostics);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', diagnostics };
  } catch {
    diagnostics.push(diagnostic('warning', 'invalid-utf8', 'not valid UTF-8; undecodable bytes were replaced with U+FFFD', { file }));
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', diagnostics };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', diagnostics: Diagnostic[]): DecodedText {
  return { text: new TextDecoder(encoding).decode(bytes), encoding, diagnostics };
}

/** ASCII text saved as UTF-16LE: NUL in (nearly) every odd byte, none in even ones. */
function looksLikeUtf16Le(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 4) return false;
  let oddNuls = 0;
  let evenNuls = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  return oddNuls >= (n / 2) * 0.9 && evenNuls === 0;
}

/** True when the bytes hold NULs that no text encoding above explains. */
export function looksBinary(text: string): boolean {
  return text.slice(0, 4096).includes('\u0000');
}
