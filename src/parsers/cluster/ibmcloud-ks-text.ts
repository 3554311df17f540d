import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { cappedWarnings, type CappedWarnings } from '../capped-warnings.js';

/**
 * Reading `ibmcloud ks` human output. Tables are aligned by Go's tabwriter
 * (cells start under their header, at least two spaces apart) and print `-`
 * for an empty cell; `key:   value` commands (`cluster get`, `worker get`)
 * may end with titled sections (`Master`, `Subnet VLANs` + a table). Around
 * them the CLI prints chatter (`Retrieving cluster mycluster...`, `OK`, update
 * reminders), and on failure `FAILED` and a message.
 */
export interface TableRow {
  /** Cells by lower-cased header (`public ip`, `alb vlan id`); an empty or `-` cell is absent. */
  cells: Record<string, string>;
  line: number;
}

export interface Table {
  /** Headers as printed. */
  columns: string[];
  line: number;
  rows: TableRow[];
}

export interface IbmcloudText {
  /** Line of `FAILED`: the command failed and printed an error instead of data. */
  failedLine?: number;
  diagnostics: Diagnostic[];
  warnings: CappedWarnings;
}

export interface Column {
  name: string;
  start: number;
}

export const failedLine = /^FAILED$/;

export function columnsOf(text: string): Column[] {
  return [...text.matchAll(/\S+(?: \S+)*/g)].map((match) => ({ name: match[0], start: match.index }));
}

/** A table row: in order when there is one word per column (hand-edited samples drift), else by header position. */
export function cellsOf(raw: string, columns: readonly Column[]): Record<string, string> {
  const words = [...raw.matchAll(/\S+/g)].map((match) => ({ text: match[0], start: match.index }));
  const parts = new Map<string, string[]>();
  words.forEach((word, index) => {
    const column =
      words.length === columns.length ? columns[index] : [...columns].reverse().find((candidate) => candidate.start <= word.start + 1);
    if (!column) return;
    const key = column.name.toLowerCase();
    parts.set(key, [...(parts.get(key) ?? []), word.text]);
  });
  const cells: Record<string, string> = {};
  for (const [key, texts] of parts) {
    const cell = texts.join(' ');
    if (cell !== '-') cells[key] = cell;
  }
  return cells;
}

/** A reading in progress: no diagnostics yet, line warnings capped per file. */
export function startText(file: string | undefined): IbmcloudText {
  return { diagnostics: [], warnings: cappedWarnings(file) };
}

/** `FAILED`: the CLI printed an error message instead of the table or fields. */
export function noteFailure(result: IbmcloudText, file: string | undefined, line: number): void {
  result.failedLine ??= line;
  const message = 'the ibmcloud command failed (FAILED) and printed an error instead of its output';
  result.diagnostics.push(diagnostic('error', 'ibmcloud-failed', message, { file, line }));
}

/** The first present cell among several header spellings (`machine type` became `flavor`). */
export function cellOf(cells: Record<string, string>, ...headers: string[]): string | undefined {
  for (const header of headers) if (cells[header] !== undefined) return cells[header];
  return undefined;
}
