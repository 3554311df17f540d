/**
 * Reading PowerShell's default table output (`Get-NetAdapter`, `Format-Table`): a header line over
 * a line of dashes, one dash run per column. Helpers for the parsers that read it.
 */
import { numberedLines } from '../capped-warnings.js';

export interface TableRow {
  /** Cell text by column header, trimmed; a cell PowerShell cut keeps its `...`/`…`. */
  cells: Record<string, string>;
  line: number;
}

export interface Table {
  columns: string[];
  rows: TableRow[];
  /** Lines that were neither header, dashes nor blank but came before any header. */
  stray: number[];
}

// Windows PowerShell 5.1 marks a cut cell with `...`, PowerShell 7 with `…`.
export const cutMark = /(?:\.\.\.|…)$/;

const dashes = /^\s*-+(?:\s+-+)*\s*$/;

/**
 * Rows of every table in the text. Columns start where their dash runs start; positions are in
 * console cells, where East Asian wide characters take two (`vEthernet (以太网)` is 20 cells wide,
 * 14 characters), so a localised adapter name does not shift the columns after it.
 */
export function readPowerShellTable(text: string): Table {
  const lines = numberedLines(text);
  const table: Table = { columns: [], rows: [], stray: [] };
  let columns: { name: string; start: number }[] = [];
  for (const [i, { text: raw, line }] of lines.entries()) {
    if (raw.trim() === '' || dashes.test(raw)) continue;
    const under = lines[i + 1]?.text ?? '';
    if (dashes.test(under)) {
      const starts = [...cellsOf(under).matchAll(/-+/g)].map((m) => m.index);
      columns = starts.map((start, c) => ({ start, name: sliceCells(raw, start, starts[c + 1]).trim() }));
      if (table.columns.length === 0) table.columns = columns.map((c) => c.name);
      continue;
    }
    if (columns.length === 0) {
      table.stray.push(line);
      continue;
    }
    const cells: Record<string, string> = {};
    columns.forEach((column, c) => {
      cells[column.name] = sliceCells(raw, column.start, columns[c + 1]?.start).trim();
    });
    table.rows.push({ cells, line });
  }
  return table;
}

/** `Key : Value` blocks separated by blank lines (`Format-List`). */
export function readPowerShellList(text: string): TableRow[] {
  const records: TableRow[] = [];
  let current: TableRow | undefined;
  for (const { text: raw, line } of numberedLines(text)) {
    const property = /^(\w[\w.]*)\s*: ?(.*)$/.exec(raw);
    if (raw.trim() === '') current = undefined;
    else if (property) {
      if (!current) records.push((current = { cells: {}, line }));
      current.cells[property[1] ?? ''] = (property[2] ?? '').trim();
    }
  }
  return records;
}

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf && codePoint !== 0x303f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6)
  );
}

/** The text with each wide character doubled, so that string offsets equal console cells. */
function cellsOf(text: string): string {
  let out = '';
  for (const char of text) out += isWide(char.codePointAt(0) ?? 0) ? `${char}${char}` : char;
  return out;
}

/** The characters whose first console cell lies in [start, end). */
export function sliceCells(text: string, start: number, end = Number.POSITIVE_INFINITY): string {
  let out = '';
  let cell = 0;
  for (const char of text) {
    if (cell >= start && cell < end) out += char;
    cell += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  }
  return out;
}
