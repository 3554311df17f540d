/**
 * The three shapes PowerShell gives `Get-CimInstance Win32_Process | Select ProcessId,CommandLine`:
 * the default table, `Format-List`, and `ConvertTo-Json`. Helpers for processes.ts; no parser lives here.
 */
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { type CappedWarnings, numberedLines } from '../capped-warnings.js';
import { parseStructuredOne } from '../structured-text.js';

export interface RawProcess {
  pid?: number;
  commandLine: string;
  truncated: boolean;
  line: number;
}

export interface RawRead {
  raw: RawProcess[];
  diagnostics: Diagnostic[];
}

interface Segment {
  /** The value's part on this line, without the label or column indent. */
  text: string;
  /** Length of the whole printed line. */
  width: number;
}

/**
 * Joins a value PowerShell wrapped onto several lines (`Format-List`, `Format-Table -Wrap`).
 * Its word wrap keeps the space at the end of the broken line, so segments concatenate as they
 * are; but editors and copy-paste trim that space, so a segment not ending in one gets it back,
 * unless the break split a word longer than the whole field, which fills the line to full width.
 */
function joinWrapped(segments: readonly Segment[], width: number): string {
  let joined = '';
  segments.forEach((segment, i) => {
    const next = segments[i + 1];
    joined += segment.text;
    if (!next || /\s$/.test(segment.text)) return;
    const word = (/\S*$/.exec(segment.text)?.[0] ?? '') + (/^\S*/.exec(next.text)?.[0] ?? '');
    const splitWord = segment.width >= width && word.length > segment.text.length;
    if (!splitWord) joined += ' ';
  });
  return joined;
}

function widest(text: string): number {
  return Math.max(0, ...text.split('\n').map((line) => line.length));
}

// Windows PowerShell 5.1 marks a cut cell with `...`, PowerShell 7 with `…`.
const ellipsis = /(?:\.\.\.|…)$/;

/**
 * The default table: `ProcessId CommandLine` over `--------- -----------`, the dashes giving each
 * column's start. Rows with an empty ProcessId cell continue the row above (`Format-Table -Wrap`).
 */
export function readPowerShellTable(text: string, warnings: CappedWarnings): RawProcess[] {
  const lines = numberedLines(text);
  const width = widest(text);
  const rows: { pid?: number; segments: Segment[]; line: number }[] = [];
  let columns: { name: string; start: number }[] = [];
  for (const [i, { text: raw, line }] of lines.entries()) {
    if (raw.trim() === '') continue;
    const next = lines[i + 1]?.text ?? '';
    if (/^\s*-+(\s+-+)+\s*$/.test(next) && /ProcessId/.test(raw)) {
      const nameAt = (start: number) => raw.slice(start).trim().split(/\s+/)[0] ?? '';
      columns = [...next.matchAll(/-+/g)].map((m) => ({ start: m.index, name: nameAt(m.index) }));
      continue;
    }
    if (/^\s*-+(\s+-+)+\s*$/.test(raw) || columns.length === 0) continue;
    const cell = (name: string) => {
      const at = columns.findIndex((c) => c.name === name);
      const end = columns[at + 1]?.start;
      return at < 0 ? '' : raw.slice(columns[at]?.start ?? 0, end).trim();
    };
    const pid = cell('ProcessId');
    const command = raw.slice(columns.find((c) => c.name === 'CommandLine')?.start ?? raw.length);
    if (pid === '' && rows.length > 0) rows.at(-1)?.segments.push({ text: command, width: raw.length });
    else if (/^\d+$/.test(pid)) rows.push({ pid: Number(pid), segments: [{ text: command, width: raw.length }], line });
    else warnings.warn('unrecognised-line', 'line not recognised as a ProcessId/CommandLine table row', line);
  }
  return rows.map(({ pid, segments, line }) => {
    const joined = joinWrapped(segments, width).trim();
    const truncated = segments.length === 1 && ellipsis.test(joined);
    const process: RawProcess = { commandLine: truncated ? joined.replace(ellipsis, '') : joined, truncated, line };
    if (pid !== undefined) process.pid = pid;
    return process;
  });
}

/** `Format-List`: `ProcessId   : 4532`, `CommandLine : C:\k\kube-proxy.exe …`, long values wrapped. */
export function readPowerShellList(text: string): RawProcess[] {
  const width = widest(text);
  const processes: RawProcess[] = [];
  let pid: number | undefined;
  let value: { segments: Segment[]; line: number; indent: number } | undefined;
  let inCommandLine = false;
  const finishRecord = () => {
    if (value) {
      const commandLine = joinWrapped(value.segments, width).trim();
      const process: RawProcess = { commandLine, truncated: false, line: value.line };
      if (pid !== undefined) process.pid = pid;
      processes.push(process);
    }
    [pid, value, inCommandLine] = [undefined, undefined, false];
  };
  for (const { text: raw, line } of numberedLines(text)) {
    const property = /^(\w+)\s*: ?/.exec(raw);
    if (raw.trim() === '') finishRecord();
    else if (property) {
      const [label, name] = property;
      const text = raw.slice(label.length);
      inCommandLine = name === 'CommandLine';
      if (name === 'ProcessId' && /^\d+$/.test(text.trim())) pid = Number(text);
      if (inCommandLine) value = { segments: [{ text, width: raw.length }], line, indent: label.length };
    } else if (inCommandLine && value) {
      value.segments.push({ text: raw.slice(value.indent), width: raw.length });
    }
  }
  finishRecord();
  return processes;
}

/** `ConvertTo-Json`: an array of `{ "ProcessId": 4532, "CommandLine": "C:\\k\\kube-proxy.exe …" }`, or one object. */
export function readPowerShellJson(text: string, file: string | undefined): RawRead {
  const { document, diagnostics } = parseStructuredOne(text, { file });
  if (!document) return { raw: [], diagnostics };
  const root = document.value as Record<string, unknown> | unknown[] | null;
  // `ConvertTo-Json -InputObject $list` in Windows PowerShell wraps the array as { "value": [...], "Count": n }.
  const wrapped = root !== null && !Array.isArray(root) && Array.isArray(root.value);
  const items = Array.isArray(root) ? root : wrapped ? (root as { value: unknown[] }).value : [root];
  const raw: RawProcess[] = [];
  items.forEach((item, i) => {
    const path = wrapped ? ['value', i] : Array.isArray(root) ? [i] : [];
    const line = document.lineOf([...path, 'CommandLine']) ?? document.lineOf(path) ?? document.line;
    if (item === null || typeof item !== 'object') {
      diagnostics.push(diagnostic('warning', 'unrecognised-item', 'JSON item is not a process object', { file, line }));
      return;
    }
    const { ProcessId: pid, CommandLine: commandLine } = item as { ProcessId?: unknown; CommandLine?: unknown };
    const text = typeof commandLine === 'string' ? commandLine : '';
    const process: RawProcess = { commandLine: text, truncated: false, line };
    if (typeof pid === 'number') process.pid = pid;
    raw.push(process);
  });
  return { raw, diagnostics };
}
