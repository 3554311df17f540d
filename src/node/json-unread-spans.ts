/**
 * Cuts, at byte level, the spans of one Kubernetes object's JSON that no fact reads, before
 * JSON.parse sees them: `metadata.managedFields` (a third of a pod as
 * `kubectl get -o json --show-managed-fields` prints it) becomes `[]`, and the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation (a copy of the whole object as
 * applied) becomes `"<redacted>"`, the value masking gives it anyway (mask-secrets.ts). The
 * newlines of a cut span are kept, so every line number after it stays true.
 *
 * Only the item's top-level keys up to `metadata`, and `metadata` itself, are walked; the rest
 * (spec, status) is copied as it is. Anything unexpected (a key written with escapes, a value of
 * another type, malformed JSON) is left uncut for JSON.parse to read or reject: cutting is only
 * ever a saving. Pure byte work, no Node APIs.
 */
import { redacted } from '../snapshot/mask-secrets.js';
import { BACKSLASH, QUOTE } from './json-byte-scanner.js';

const METADATA = bytesOf('metadata');
const MANAGED_FIELDS = bytesOf('managedFields');
const ANNOTATIONS = bytesOf('annotations');
const LAST_APPLIED = bytesOf('kubectl.kubernetes.io/last-applied-configuration');
const REDACTED = bytesOf(JSON.stringify(redacted));

/** Newlines the last container valueEnd stepped over (JSON strings hold none). */
let newlines = 0;

interface Cut {
  start: number;
  /** Exclusive. */
  end: number;
  replacement: Uint8Array;
}

/** The item with its unread spans cut (the same array when there is nothing to cut). */
export function cutUnreadSpans(item: Uint8Array): Uint8Array {
  const cuts: Cut[] = [];
  walkObject(item, skipWhitespace(item, 0), (key, at) => {
    if (!sameKey(item, key, METADATA) || item[at] !== 0x7b) return false;
    walkObject(item, at, (key, at) => {
      if (sameKey(item, key, MANAGED_FIELDS) && item[at] === 0x5b) {
        newlines = 0;
        const end = valueEnd(item, at);
        if (end > 0) cuts.push({ start: at, end, replacement: emptyArrayOverLines(newlines) });
      } else if (sameKey(item, key, ANNOTATIONS) && item[at] === 0x7b) {
        walkObject(item, at, (key, at) => {
          if (sameKey(item, key, LAST_APPLIED) && item[at] === QUOTE) {
            const end = valueEnd(item, at);
            if (end > 0) cuts.push({ start: at, end, replacement: REDACTED });
          }
          return false;
        });
      }
      return false;
    });
    return true; // metadata read: the rest of the item is not walked
  });
  return cuts.length === 0 ? item : applyCuts(item, cuts);
}

/**
 * Calls `onKey` with each key (start and end of its bytes, without quotes) of the object whose
 * `{` is at `at`, and where its value starts; skips the values `onKey` does not consume. Stops
 * when `onKey` returns true, at the closing brace, or at anything malformed.
 */
function walkObject(b: Uint8Array, at: number, onKey: (key: [number, number], valueAt: number) => boolean): void {
  if (b[at] !== 0x7b) return;
  let i = at + 1;
  for (;;) {
    i = skipWhitespace(b, i);
    if (b[i] !== QUOTE) return;
    const keyStart = i + 1;
    const keyEnd = stringEnd(b, i);
    if (keyEnd < 0) return;
    i = skipWhitespace(b, keyEnd + 1);
    if (b[i] !== 0x3a) return;
    i = skipWhitespace(b, i + 1);
    if (onKey([keyStart, keyEnd], i)) return;
    i = valueEnd(b, i);
    if (i < 0) return;
    i = skipWhitespace(b, i);
    if (b[i] !== 0x2c) return;
    i++;
  }
}

/** Index of the quote closing the string whose opening quote is at `at`, or -1. */
function stringEnd(b: Uint8Array, at: number): number {
  let i = at + 1;
  for (;;) {
    const quote = b.indexOf(QUOTE, i);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (b[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    i = quote + 1;
  }
}

/** Index just past the value starting at `at` (a string, object, array or scalar), or -1 when it does not end. */
function valueEnd(b: Uint8Array, at: number): number {
  const c = b[at];
  if (c === QUOTE) {
    const end = stringEnd(b, at);
    return end < 0 ? -1 : end + 1;
  }
  if (c === 0x7b || c === 0x5b) {
    // One plain loop: a call to indexOf per string costs more than it saves on managedFields' short keys.
    let depth = 0;
    let inString = false;
    for (let i = at; i < b.length; i++) {
      const d = b[i];
      if (inString) {
        if (d === BACKSLASH) i++;
        else if (d === QUOTE) inString = false;
      } else if (d === QUOTE) inString = true;
      else if (d === 0x0a) newlines++;
      else if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) {
        if (--depth === 0) return i + 1;
      }
    }
    return -1;
  }
  let i = at;
  while (i < b.length && !isWhitespace(b[i]!) && b[i] !== 0x2c && b[i] !== 0x7d && b[i] !== 0x5d) i++;
  return i === at ? -1 : i;
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipWhitespace(b: Uint8Array, i: number): number {
  while (i < b.length && isWhitespace(b[i]!)) i++;
  return i;
}

function sameKey(b: Uint8Array, [start, end]: [number, number], key: Uint8Array): boolean {
  if (end - start !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (b[start + k] !== key[k]) return false;
  return true;
}

/** `[` and `]` around `count` newlines, so the lines after a cut keep their numbers. */
function emptyArrayOverLines(count: number): Uint8Array {
  const out = new Uint8Array(count + 2).fill(0x0a);
  out[0] = 0x5b;
  out[count + 1] = 0x5d;
  return out;
}

function applyCuts(b: Uint8Array, cuts: Cut[]): Uint8Array {
  const length = cuts.reduce((n, c) => n - (c.end - c.start) + c.replacement.length, b.length);
  const out = new Uint8Array(length);
  let from = 0;
  let to = 0;
  for (const cut of cuts) {
    out.set(b.subarray(from, cut.start), to);
    to += cut.start - from;
    out.set(cut.replacement, to);
    to += cut.replacement.length;
    from = cut.end;
  }
  out.set(b.subarray(from), to);
  return out;
}

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
