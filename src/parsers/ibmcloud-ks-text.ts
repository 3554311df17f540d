import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { cappedWarnings, type CappedWarnings, numberedLines } from './capped-warnings.js';

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

interface Column {
  name: string;
  start: number;
}

const failed = /^FAILED$/;

function columnsOf(text: string): Column[] {
  return [...text.matchAll(/\S+(?: \S+)*/g)].map((match) => ({ name: match[0], start: match.index }));
}

/** A table row: in order when there is one word per column (hand-edited samples drift), else by header position. */
function cellsOf(raw: string, columns: readonly Column[]): Record<string, string> {
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

function start(file: string | undefined): IbmcloudText {
  return { diagnostics: [], warnings: cappedWarnings(file) };
}

function noteFailure(result: IbmcloudText, file: string | undefined, line: number): void {
  result.failedLine ??= line;
  const message = 'the ibmcloud command failed (FAILED) and printed an error instead of its output';
  result.diagnostics.push(diagnostic('error', 'ibmcloud-failed', message, { file, line }));
}

/**
 * The first table whose header `isHeader` accepts (headers lower-cased), read until a blank line.
 * Lines before it are CLI chatter; a missing table is an error unless the command FAILED.
 */
export function readIbmcloudTable(
  text: string,
  options: {
    file?: string | undefined;
    what: string;
    isHeader(headers: string[]): boolean;
    /** Whether a row's first cell looks like this table's id (ALB ids start `public-`/`private-`). */
    isId?(id: string): boolean;
  },
): IbmcloudText & { table?: Table } {
  const result: IbmcloudText & { table?: Table } = start(options.file);
  let columns: Column[] | undefined;
  const lines = numberedLines(text);
  const lastLine = lines.length;
  for (const { text: raw, line } of lines) {
    const trimmed = raw.trim();
    if (failed.test(trimmed)) noteFailure(result, options.file, line);
    if (result.table === undefined) {
      const candidate = columnsOf(raw);
      if (candidate.length > 1 && options.isHeader(candidate.map((column) => column.name.toLowerCase()))) {
        columns = candidate;
        result.table = { columns: candidate.map((column) => column.name), line, rows: [] };
      }
      continue;
    }
    if (columns === undefined || trimmed === '' || result.failedLine !== undefined) break;
    const cells = cellsOf(raw, columns);
    const first = columns[0]?.name.toLowerCase() ?? '';
    const id = cells[first];
    if (id === undefined || (options.isId && !options.isId(id))) {
      result.warnings.warn('unrecognised-row', `line not recognised as a row of the ${options.what} table`, line);
      continue;
    }
    result.table.rows.push({ cells, line });
    // A last line without its newline and with cells missing is most likely a paste cut short.
    if (!text.endsWith('\n') && line === lastLine && Object.keys(cells).length < columns.length) {
      result.warnings.warn('row-cut', `the last row of the ${options.what} table may be cut off`, line);
    }
  }
  if (result.table === undefined && result.failedLine === undefined) {
    // `No ALBs were found in cluster mycluster.` and the like: an answer, not a failure.
    const none = lines.find(({ text: raw }) => /^No .+ (?:were |was )?found\b/i.test(raw.trim()));
    if (none) result.diagnostics.push(diagnostic('info', 'ibmcloud-none-found', `the command found no ${options.what}s`, { file: options.file, line: none.line }));
    else result.diagnostics.push(diagnostic('error', 'table-not-found', `no ${options.what} table found in this file`, { file: options.file }));
  }
  return result;
}

export interface FieldsText extends IbmcloudText {
  /** Top-level `Key: value` lines by lower-cased key; `-` and empty values are absent. */
  fields: Map<string, { value: string; line: number }>;
  /** Titled sections below: their own `Key: value` lines, and the table under the title if there is one. */
  sections: Map<string, { fields: Map<string, { value: string; line: number }>; table?: Table }>;
}

const keyValue = /^([A-Za-z][\w ()/.-]*?):(?:\s+(.*))?$/;
// `Master`, `Subnet VLANs`: a few capitalised words alone on a line.
const sectionTitle = /^[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,2}$/;

export function readIbmcloudFields(text: string, options: { file?: string | undefined; what: string }): FieldsText {
  const result: FieldsText = { ...start(options.file), fields: new Map(), sections: new Map() };
  let section: { fields: FieldsText['fields']; table?: Table } | undefined;
  let tableColumns: Column[] | undefined;
  const lines = numberedLines(text);
  for (const { text: raw, line } of lines) {
    const trimmed = raw.trim();
    if (trimmed === '') {
      tableColumns = undefined;
      continue;
    }
    if (failed.test(trimmed)) {
      noteFailure(result, options.file, line);
      break;
    }
    if (section?.table && tableColumns) {
      section.table.rows.push({ cells: cellsOf(raw, tableColumns), line });
      continue;
    }
    const pair = keyValue.exec(trimmed);
    if (pair) {
      const value = (pair[2] ?? '').trim();
      if (value !== '' && value !== '-') (section?.fields ?? result.fields).set((pair[1] ?? '').toLowerCase(), { value, line });
      continue;
    }
    const columns = columnsOf(raw);
    if (section && !section.table && section.fields.size === 0 && columns.length > 1) {
      section.table = { columns: columns.map((column) => column.name), line, rows: [] };
      tableColumns = columns;
    } else if (sectionTitle.test(trimmed) && result.fields.size > 0) {
      section = { fields: new Map() };
      result.sections.set(trimmed.toLowerCase(), section);
    } else if (result.fields.size > 0) {
      result.warnings.warn('unrecognised-line', `line not recognised as ${options.what} output`, line);
    }
    // Before the first field: `Retrieving cluster mycluster...`, `OK`.
  }
  if (result.fields.size === 0 && result.failedLine === undefined) {
    result.diagnostics.push(diagnostic('error', 'fields-not-found', `no ${options.what} fields found in this file`, { file: options.file }));
  }
  const last = lines[lines.length - 1];
  if (last && !text.endsWith('\n') && keyValue.test(last.text.trim())) {
    result.warnings.warn('line-cut', 'the last line has no line end: its value may be cut off', last.line);
  }
  return result;
}

/** The first present cell among several header spellings (`machine type` became `flavor`). */
export function cellOf(cells: Record<string, string>, ...headers: string[]): string | undefined {
  for (const header of headers) if (cells[header] !== undefined) return cells[header];
  return undefined;
}

/** Picks `key: value` fields into named properties, with their lines: `{ ingressSecret: ['ingress secret'] }`. */
export function pickFields<K extends string>(
  fields: FieldsText['fields'],
  mapping: Record<K, readonly string[]>,
): { values: Partial<Record<K, string>>; lines: Partial<Record<K, number>> } {
  const values: Partial<Record<K, string>> = {};
  const lines: Partial<Record<K, number>> = {};
  for (const [property, keys] of Object.entries(mapping) as [K, readonly string[]][]) {
    const found = keys.map((key) => fields.get(key)).find((field) => field !== undefined);
    if (!found) continue;
    values[property] = found.value;
    lines[property] = found.line;
  }
  return { values, lines };
}
