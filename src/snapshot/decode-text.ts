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
  return text.slice(0, binaryCheckedChars).includes('\u0000');
}

const binaryCheckedChars = 4096;

/**
 * A file's text as a snapshot keeps it: decoded (its diagnostics added to `diagnostics`), without a
 * leading BOM, CRLF and CR as LF; undefined (with a diagnostic) when it is binary or has no content.
 */
export function fileText(file: { bytes?: Uint8Array; text?: string }, path: string, diagnostics: Diagnostic[]): string | undefined {
  let text = file.text;
  if (text === undefined) {
    if (!file.bytes) {
      diagnostics.push(diagnostic('error', 'unreadable', 'file has no content to read', { file: path }));
      return undefined;
    }
    const decoded = decodeText(file.bytes, path);
    diagnostics.push(...decoded.diagnostics);
    text = decoded.text;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (looksBinary(text)) {
    diagnostics.push(binaryFile(path));
    return undefined;
  }
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

const binaryFile = (path: string) => diagnostic('error', 'binary-file', 'binary content (NUL bytes); skipped', { file: path });

/**
 * Bytes from a file's start that decide what `fileText` of the whole file decides from its start: the
 * encoding (BOM, or UTF-16LE by its first 512 bytes) and whether it is binary (a NUL in the first 4,096
 * characters: at most 4 bytes each in UTF-8, 2 in UTF-16, after a BOM of at most 3 and a U+FEFF
 * dropped after decoding).
 */
export const headBytes = 64 * 1024;

export interface HeadVerdict {
  /** The diagnostics `fileText` gives from the file's start alone: `utf16-without-bom`, `binary-file`. */
  diagnostics: Diagnostic[];
  /** Binary: `fileText` of the whole file is undefined. */
  binary: boolean;
  /** Decoded as UTF-16 (one character per two bytes). */
  utf16: boolean;
}

/**
 * What `fileText` says from the first `headBytes` (or all) of a file without reading the rest: the
 * decoders are streaming, so the head's characters are the whole text's first characters. What only
 * the whole decides (`invalid-utf8`) is said when the whole is read.
 */
export function readHead(head: Uint8Array, path: string): HeadVerdict {
  const diagnostics: Diagnostic[] = [];
  let bytes = head;
  let encoding: DecodedText['encoding'] = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) [bytes, encoding] = [bytes.subarray(2), 'utf-16le'];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [bytes, encoding] = [bytes.subarray(2), 'utf-16be'];
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  else if (looksLikeUtf16Le(bytes)) {
    diagnostics.push(diagnostic('info', 'utf16-without-bom', 'read as UTF-16LE (no byte order mark, but every other byte is NUL)', { file: path }));
    encoding = 'utf-16le';
  }
  let text = new TextDecoder(encoding).decode(bytes, { stream: true });
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const binary = looksBinary(text);
  if (binary) diagnostics.push(binaryFile(path));
  return { diagnostics, binary, utf16: encoding !== 'utf-8' };
}

/**
 * True when every byte is ASCII and none is CR: then the bytes are valid UTF-8 (no diagnostic) and
 * `fileText` gives one character per byte. The core's check; the Node entry has a faster one.
 */
export function isPlainAscii(bytes: Uint8Array): boolean {
  const aligned = bytes.byteOffset % 4 === 0;
  const words = aligned ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2) : new Uint32Array(0);
  let high = 0;
  for (let i = 0; i < words.length; i++) high |= words[i]!;
  if (high & 0x80808080) return false;
  for (let i = words.length * 4; i < bytes.length; i++) if (bytes[i]! & 0x80) return false;
  return bytes.indexOf(13) === -1;
}
