/// <reference types="node" />
import { createReadStream } from 'node:fs';
import { diagnostic } from '../diagnostics.js';
import { itemKindOfList, kindHintedByFileName, objectFileVerdict, takesHintedKind } from '../snapshot/read-objects.js';
import type { SnapshotBuilder } from '../snapshot/snapshot-builder.js';
import { JsonListSplitter } from './json-list-splitter.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/**
 * Streams a large JSON file of Kubernetes objects into the builder, one List
 * item at a time: each item is parsed and reduced before the next is read, so
 * memory follows the reduced objects, not the file. Returns false, having
 * added nothing, when the file is not a JSON object (e.g. YAML), so the caller
 * can read it another way.
 */
export async function streamObjectFile(path: string, file: string, builder: SnapshotBuilder): Promise<boolean> {
  let listKind: string | undefined;
  let listKindKnown = false;
  const withoutKind: Array<{ value: unknown; index: number }> = [];
  const hinted = kindHintedByFileName(file);
  const kinds = new Set<string>();
  let offered = 0;
  let read = 0;
  let untypedByHint = 0;
  // As readObjects does for a file read whole: untyped items of an untyped List take the kind the file's name says.
  const add = (value: unknown, index: number | undefined, listKind: string | undefined) => {
    offered++;
    const byHint = listKind === undefined && hinted !== undefined && takesHintedKind(value);
    const kind = byHint ? hinted : listKind;
    if (builder.addObject(value, { file, ...(kind === undefined ? {} : { listKind: kind }), ...(index === undefined ? {} : { index }) })) {
      read++;
      if (byHint) untypedByHint++;
      kinds.add(kindOf(value) ?? (byHint ? hinted : listKind) ?? '');
    }
  };
  let invalidUtf8 = false;
  const splitter = new JsonListSplitter((bytes, index, line) => {
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      invalidUtf8 = true;
      text = utf8Lenient.decode(bytes);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // V8's message may quote the input; say only where.
      const at = /at position (\d+)/.exec((error as Error).message)?.[1];
      const offset = at === undefined ? 0 : newlinesBefore(text, Number(at));
      builder.addDiagnostics(diagnostic('error', 'syntax', `invalid JSON in items[${index}]; item skipped`, { file, line: line + offset }));
      return;
    }
    if (!listKindKnown) {
      // A typed List (`kubectl get --raw`) may name its kind before the items, which then omit theirs.
      listKind = itemKindOfList(kindOf(parseLoose(splitter.skeletonSoFar(), ']}')));
      listKindKnown = true;
    }
    if (kindOf(value) === undefined && listKind === undefined) withoutKind.push({ value, index });
    else add(value, index, listKind);
  });

  const transcode = transcoder();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    splitter.push(transcode(chunk));
    if (splitter.state === 'unsupported') return false;
    if (splitter.state === 'failed') break;
  }
  const end = splitter.end();
  if (end.state === 'start') return false;

  if (invalidUtf8) builder.addDiagnostics(diagnostic('warning', 'invalid-utf8', 'not valid UTF-8; undecodable bytes were replaced with U+FFFD', { file }));
  if (end.problem) builder.addDiagnostics(diagnostic('error', end.state === 'failed' ? 'syntax' : 'truncated', end.problem.message, { file, line: end.problem.line }));
  let skeleton: unknown;
  if (end.skeleton) {
    try {
      skeleton = JSON.parse(utf8Lenient.decode(end.skeleton));
    } catch {
      builder.addDiagnostics(diagnostic('error', 'syntax', 'invalid JSON outside the List items; the items were read', { file }));
    }
  }
  const doc = skeleton !== null && typeof skeleton === 'object' && !Array.isArray(skeleton) ? (skeleton as Record<string, unknown>) : undefined;
  const finalListKind = itemKindOfList(kindOf(doc));
  for (const { value, index } of withoutKind) add(value, index, finalListKind);
  // As when read whole: an empty List shows its kind was captured (a typed one says which, else the file's name).
  const emptyKind = end.items === 0 && doc && Array.isArray(doc.items) ? (finalListKind ?? hinted) : undefined;
  if (emptyKind) {
    builder.addCapturedKind(emptyKind);
    kinds.add(emptyKind);
  }
  // Not a List after all (one huge object): it went into the skeleton whole.
  if (doc && end.items === 0 && !Array.isArray(doc.items)) add(doc, undefined, undefined);
  const verdict = objectFileVerdict(file, { offered, read, untypedByHint, capturedKinds: kinds, parseFailed: !doc && end.items === 0 });
  builder.addDiagnostics(...verdict.diagnostics);
  if (verdict.unreadableKind) builder.addUnreadableKind(verdict.unreadableKind, file);
  return true;
}

function kindOf(value: unknown): string | undefined {
  const kind = value !== null && typeof value === 'object' ? (value as Record<string, unknown>).kind : undefined;
  return typeof kind === 'string' ? kind : undefined;
}

function parseLoose(bytes: Uint8Array, closing: string): unknown {
  try {
    return JSON.parse(utf8Lenient.decode(bytes) + closing);
  } catch {
    return undefined;
  }
}

function newlinesBefore(text: string, position: number): number {
  let count = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < position; k = text.indexOf('\n', k + 1)) count++;
  return count;
}

/**
 * UTF-8 passes through (less a BOM); UTF-16 (PowerShell's `>` redirection)
 * is re-encoded as UTF-8 chunk by chunk, so the splitter sees one encoding.
 */
function transcoder(): (chunk: Uint8Array) => Uint8Array {
  let first = true;
  let decoder: TextDecoder | undefined;
  const encoder = new TextEncoder();
  return (chunk) => {
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return chunk.subarray(3);
      if (chunk[0] === 0xff && chunk[1] === 0xfe) decoder = new TextDecoder('utf-16le', { ignoreBOM: false });
      else if (chunk[0] === 0xfe && chunk[1] === 0xff) decoder = new TextDecoder('utf-16be', { ignoreBOM: false });
      else if (chunk.length > 4 && chunk[1] === 0 && chunk[3] === 0 && chunk[0] !== 0) decoder = new TextDecoder('utf-16le');
    }
    return decoder ? encoder.encode(decoder.decode(chunk, { stream: true })) : chunk;
  };
}
