import { diagnostic } from '../../diagnostics.js';
import { numberedLines } from '../capped-warnings.js';
import { type Column, cellsOf, columnsOf, failedLine, type IbmcloudText, noteFailure, startText, type Table } from './ibmcloud-ks-text.js';

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
  const result: FieldsText = { ...startText(options.file), fields: new Map(), sections: new Map() };
  let section: { fields: FieldsText['fields']; table?: Table } | undefined;
  let tableColumns: Column[] | undefined;
  const lines = numberedLines(text);
  for (const { text: raw, line } of lines) {
    const trimmed = raw.trim();
    if (trimmed === '') {
      tableColumns = undefined;
      continue;
    }
    if (failedLine.test(trimmed)) {
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
