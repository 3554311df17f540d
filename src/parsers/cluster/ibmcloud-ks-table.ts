import { diagnostic } from '../../diagnostics.js';
import { numberedLines } from '../capped-warnings.js';
import type { ParseResult } from '../define-parser.js';
import { type Column, cellsOf, columnsOf, failedLine, type IbmcloudText, noteFailure, startText, type Table } from './ibmcloud-ks-text.js';

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
  const result: IbmcloudText & { table?: Table } = startText(options.file);
  let columns: Column[] | undefined;
  const lines = numberedLines(text);
  const lastLine = lines.length;
  for (const { text: raw, line } of lines) {
    const trimmed = raw.trim();
    if (failedLine.test(trimmed)) noteFailure(result, options.file, line);
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

/** The parse result of a table command: its items, the columns printed, and the line where it FAILED. */
export function tableResult<V extends { columns: string[]; failedLine?: number }>(
  read: IbmcloudText & { table?: Table },
  items: Omit<V, 'columns' | 'failedLine'>,
): ParseResult<V> {
  const value = { ...items, columns: read.table?.columns ?? [] } as V;
  if (read.failedLine !== undefined) value.failedLine = read.failedLine;
  return { value, diagnostics: [...read.diagnostics, ...read.warnings.finish()] };
}
