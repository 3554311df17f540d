import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { type PodLogBlock, readLogBlock, startMarker } from './pod-log-blocks.js';

/**
 * `kubectl cluster-info dump` with no `--output-directory` prints, in one stream, each
 * List as indented JSON (nodes first, then per namespace events, replication
 * controllers, services, daemonsets, deployments, replicasets, pods) followed by the
 * namespace's container logs between `==== START/END logs …` marker lines.
 */
export function looksLikeDumpStream(text: string): boolean {
  const head = text.slice(0, 4096);
  if (!/^\s*\{\s*"kind"\s*:\s*"NodeList"/.test(head)) return false;
  return /\n==== START logs for container /.test(text) || /\n\}\s*\n\{/.test(text);
}

export interface DumpStream {
  documents: Array<{ value: unknown; line: number }>;
  logs: PodLogBlock[];
  diagnostics: Diagnostic[];
}

export function splitDumpStream(text: string, file: string): DumpStream {
  const out: DumpStream = { documents: [], logs: [], diagnostics: [] };
  const lines = text.split('\n');
  let strayLines = 0;
  let firstStray: number | undefined;
  for (let i = 0; i < lines.length; ) {
    const line = lines[i] ?? '';
    if (line.startsWith('{')) {
      const end = endOfJsonValue(lines, i);
      const json = lines.slice(i, end + 1).join('\n');
      try {
        out.documents.push({ value: JSON.parse(json), line: i + 1 });
      } catch (cause) {
        out.diagnostics.push(diagnostic('error', 'invalid-json', `JSON document starting here does not parse: ${(cause as Error).message}`, { file, line: i + 1 }));
      }
      i = end + 1;
      continue;
    }
    if (startMarker.test(line)) {
      const read = readLogBlock(lines, i);
      if (read) {
        out.logs.push(read.block);
        i = read.next;
        continue;
      }
    }
    if (line.trim() !== '') {
      strayLines++;
      firstStray ??= i + 1;
    }
    i++;
  }
  if (strayLines > 0) {
    out.diagnostics.push(diagnostic('warning', 'dump-stray-text', `${strayLines} lines outside the JSON documents and log blocks were ignored`, { file, line: firstStray }));
  }
  return out;
}

/** Index of the line on which the JSON value starting at `lines[from]` closes (or the last line). */
function endOfJsonValue(lines: readonly string[], from: number): number {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    for (let c = 0; c < line.length; c++) {
      const ch = line.charCodeAt(c);
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === 0x5c) escaped = true;
        else if (ch === 0x22) inString = false;
      } else if (ch === 0x22) inString = true;
      else if (ch === 0x7b || ch === 0x5b) depth++;
      else if (ch === 0x7d || ch === 0x5d) {
        depth--;
        if (depth === 0) return i;
      }
    }
    // JSON strings never span lines; a line ending inside one is malformed, so reset.
    inString = false;
    escaped = false;
  }
  return lines.length - 1;
}
