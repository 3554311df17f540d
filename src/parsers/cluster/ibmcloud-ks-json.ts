import { type Diagnostic, diagnostic } from '../../diagnostics.js';

/** One object of `ibmcloud ks <command> --json` (`--output json`), with the line it starts on. */
export interface JsonItem {
  record: Record<string, unknown>;
  line: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `--json` output starts with `[` or `{` (the plug-in prints nothing else before it); anything else is the table form. */
export function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text.replace(/^\uFEFF/, ''));
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The objects of a `--json` output: an array of objects, one object, or an object holding the array under
 * `listKey` (`{"alb": [...]}` of the ALB API). Each item's line is where its `idKey` value is printed, so a
 * finding can point at it. Broken JSON is an error diagnostic on the line where parsing stopped.
 */
export function readIbmcloudJson(text: string, options: { file?: string | undefined; what: string; idKey: string; listKey?: string }): { items: JsonItem[]; diagnostics: Diagnostic[] } {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = at === undefined ? undefined : lineAt(text, Number(at));
    return { items: [], diagnostics: [diagnostic('error', 'invalid-json', `the ${options.what} JSON cannot be read (cut off or not JSON)`, { file: options.file, ...(line ? { line } : {}) })] };
  }
  const list = Array.isArray(root) ? root : isRecord(root) && options.listKey && Array.isArray(root[options.listKey]) ? (root[options.listKey] as unknown[]) : [root];
  const items: JsonItem[] = [];
  let from = 0;
  for (const entry of list) {
    if (!isRecord(entry)) continue;
    const id = entry[options.idKey];
    const found = typeof id === 'string' ? text.indexOf(JSON.stringify(id), from) : -1;
    if (found >= 0) from = found + 1;
    items.push({ record: entry, line: found >= 0 ? lineAt(text, found) : 1 });
  }
  if (items.length === 0) return { items, diagnostics: [diagnostic('info', 'ibmcloud-none-found', `the command found no ${options.what}s`, { file: options.file })] };
  return { items, diagnostics: [] };
}

/** A string field (numbers as printed); empty strings and `-` are absent. */
export function jsonText(record: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'number') return String(value);
    if (typeof value === 'string' && value !== '' && value !== '-') return value;
  }
  return undefined;
}

export function jsonBoolean(record: Record<string, unknown>, key: string): boolean | undefined {
  const value = record[key];
  return typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : undefined;
}

/** Line of the first `"key":` in the text (the top-level field, when it is printed before any nested one of that name). */
export function jsonKeyLine(text: string, key: string): number | undefined {
  const at = text.indexOf(`${JSON.stringify(key)}:`);
  return at < 0 ? undefined : lineAt(text, at);
}

export const jsonRecord = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
export const jsonRecords = (v: unknown): Array<Record<string, unknown>> => (Array.isArray(v) ? v.filter(isRecord) : []);
