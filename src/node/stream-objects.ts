/// <reference types="node" />
import { createReadStream } from 'node:fs';
import { diagnostic } from '../diagnostics.js';
import type { SnapshotBuilder } from '../snapshot/snapshot-builder.js';
import { JsonListSplitter } from './json-list-splitter.js';
import { type CutOptions, cutKubectlList } from './kubectl-list-cutter.js';
import { ListItemSink, StagedObjects } from './list-item-sink.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

export interface StreamOptions {
  /** Cut a List laid out as kubectl prints it at its item boundaries with native searches (kubectl-list-cutter.ts); default true. */
  cutAtKubectlBoundaries?: boolean;
  /** Bytes the cutter reads at a time (tests: small, to cross reads everywhere). */
  cutReadBytes?: number;
}

/**
 * Streams a large JSON file of Kubernetes objects into the builder, one List
 * item at a time: each item is parsed and reduced before the next is read, so
 * memory follows the reduced objects, not the file. Returns false, having
 * added nothing, when the file is not a JSON object (e.g. YAML), so the caller
 * can read it another way.
 *
 * A List as kubectl prints it is cut with native searches, its objects staged until the file's
 * end; when that does not read it cleanly they are dropped and JsonListSplitter reads the file,
 * saying what is wrong where. The snapshot is the same either way.
 */
export async function streamObjectFile(path: string, file: string, builder: SnapshotBuilder, options: StreamOptions = {}): Promise<boolean> {
  if ((options.cutAtKubectlBoundaries ?? true) && (await cutObjectFile(path, file, builder, { readBytes: options.cutReadBytes }))) return true;
  return splitObjectFile(path, file, builder);
}

/**
 * Reads a List laid out as kubectl prints it item by item, cut with native searches
 * (kubectl-list-cutter.ts); returns false, having added nothing, for anything else.
 */
export async function cutObjectFile(path: string, file: string, builder: SnapshotBuilder, options: CutOptions = {}): Promise<boolean> {
  const staged = await stageCutObjectFile(path, file, options);
  staged?.commitTo(builder);
  return staged !== undefined;
}

/** cutObjectFile's objects, diagnostics and kinds, staged to be added to the builder later (undefined: not cut, nothing kept). */
export async function stageCutObjectFile(path: string, file: string, options: CutOptions = {}): Promise<StagedObjects | undefined> {
  const staged = new StagedObjects();
  return (await cutKubectlList(path, new ListItemSink(file, staged), options)) ? staged : undefined;
}

/** Streams the file through JsonListSplitter's byte scan: any layout, with a diagnostic (file, line) for what is wrong. */
async function splitObjectFile(path: string, file: string, builder: SnapshotBuilder): Promise<boolean> {
  const sink = new ListItemSink(file, builder);
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
    sink.item(value, index, () => parseLoose(splitter.skeletonSoFar(), ']}'));
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
  sink.finish(end.items, doc);
  return true;
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
