import { isValidCidr } from '../../cidr/index.js';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import type { CappedWarnings } from '../capped-warnings.js';
import { isRecord } from '../configs/go-json-values.js';
import { maxNestingDepth, parseStructuredOne, type StructuredDocument } from '../structured-text.js';

/**
 * Reading the JSON a cloud vendor's CLI prints. The same data arrives in
 * several shapes: one API response (`{"VSwitches": {"VSwitch": [...]}}`),
 * Tencent's explorer form wrapped in `{"Response": {...}}`, several pages
 * saved into one JSON list, or the bare list of items (`az ... list`).
 */
export interface CloudItem {
  object: Record<string, unknown>;
  /** 1-based line where the item starts. */
  line: number;
  /** Line of a value inside the item, e.g. `['SecurityGroupPolicySet', 'Ingress', 0]`; the item's line if unknown. */
  lineAt(path: readonly (string | number)[]): number;
  /** The object around a `{"Response": …}` item, whose other keys (a script's `SecurityGroupId`) describe it. */
  wrapper?: Record<string, unknown>;
}

export interface CloudItemsOptions {
  file?: string | undefined;
  /** What the items are, for messages: "vSwitch", "SNAT entry". */
  what: string;
  /** Keys from a response object down to its list, e.g. `['VSwitches', 'VSwitch']`; empty when the response is the item. */
  listPath: readonly string[];
  /** Whether an object is itself an item (so a bare list or a single item is read too). */
  isItem(object: Record<string, unknown>): boolean;
}

type Path = (string | number)[];

export function readCloudItems(text: string, options: CloudItemsOptions): { items: CloudItem[]; diagnostics: Diagnostic[] } {
  const file = options.file;
  if (text.trim() === '') {
    return { items: [], diagnostics: [diagnostic('error', 'empty-input', `the file is empty; expected ${options.what} JSON`, { file })] };
  }
  const start = /\S/.exec(text);
  if (start && start[0] !== '{' && start[0] !== '[') {
    // Vendor CLIs print errors as text (`ERROR: SDK.ServerError`, `(ResourceNotFound) …`), often into the same file.
    const line = text.slice(0, start.index).split('\n').length;
    const message = `the file is not JSON; expected ${options.what} JSON (the CLI may have printed an error instead)`;
    return { items: [], diagnostics: [diagnostic('error', 'cloud-not-json', message, { file, line })] };
  }
  let { document, diagnostics } = parseStructuredOne(text, { file });
  const salvaged = document ? undefined : salvageTruncatedJson(text);
  if (salvaged !== undefined) {
    // Keep the entries that were complete before the cut, and say where the cut is.
    const reparsed = parseStructuredOne(salvaged.text, { file });
    if (reparsed.document) {
      document = reparsed.document;
      const message = `the JSON ends before it is complete; ${options.what} entries after this line are missing`;
      diagnostics = [diagnostic('error', 'truncated-json', message, { file, line: salvaged.line })];
    }
  }
  if (!document) return { items: [], diagnostics };
  const items: CloudItem[] = [];
  const lineOf = (path: Path): number => document.lineOf(path) ?? document.line;
  const item = (object: Record<string, unknown>, path: Path, wrapper?: Record<string, unknown>): CloudItem => {
    const line = lineOf(path);
    const found: CloudItem = { object, line, lineAt: (sub) => document.lineOf([...path, ...sub]) ?? line };
    if (wrapper) found.wrapper = wrapper;
    return found;
  };
  const problem = (severity: Diagnostic['severity'], code: string, message: string, path: Path): void => {
    diagnostics.push(diagnostic(severity, code, message, { file, line: lineOf(path) }));
  };

  const readResponse = (response: Record<string, unknown>, path: Path): void => {
    const wrapped = isRecord(response.Response) ? { object: response.Response, path: [...path, 'Response'] } : undefined;
    const object = wrapped?.object ?? response;
    const at = wrapped?.path ?? path;
    if (options.isItem(object)) {
      items.push(item(object, at, wrapped ? response : undefined));
      return;
    }
    if (isRecord(object.Error) || (typeof object.Code === 'string' && typeof object.Message === 'string')) {
      problem('error', 'cloud-api-error', `the file holds an API error response instead of ${options.what} data`, at);
      return;
    }
    let list: unknown = object;
    for (const key of options.listPath) list = isRecord(list) ? list[key] : undefined;
    if (!Array.isArray(list)) {
      problem('error', 'cloud-list-missing', `no ${options.what} list at ${options.listPath.join('.') || 'the top level'}`, at);
      return;
    }
    readList(list, [...at, ...options.listPath]);
  };

  const readElement = (element: unknown, path: Path): void => {
    if (isRecord(element)) items.push(item(element, path));
    else problem('warning', 'cloud-item-not-an-object', `a ${options.what} list entry is not a JSON object`, path);
  };
  const readList = (list: unknown[], path: Path): void => list.forEach((element, index) => readElement(element, [...path, index]));

  const root = document.value;
  if (Array.isArray(root)) {
    // Either the bare list of items or several responses (pages) saved as one list.
    root.forEach((element, index) => {
      if (isRecord(element) && !options.isItem(element)) readResponse(element, [index]);
      else readElement(element, [index]);
    });
    return { items, diagnostics };
  }
  if (isRecord(root)) readResponse(root, []);
  else problem('error', 'cloud-not-json-object', `expected a JSON object or list of ${options.what} data`, []);
  return { items, diagnostics };
}

/** A non-empty trimmed string field; numbers are accepted as their decimal text (ids are sometimes numeric). */
export function textField(object: Record<string, unknown>, key: string): string | undefined {
  const value = object[key];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A whole-number field, also when printed as a string (`"252"`). */
export function countField(object: Record<string, unknown>, key: string): number | undefined {
  const value = object[key];
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

/** The CIDR as written; a value that is not a CIDR or address is kept but warned about (the rules cannot do math on it). */
export function checkedCidr(value: string | undefined, what: string, line: number, warnings: CappedWarnings): string | undefined {
  if (value !== undefined && !isValidCidr(value)) warnings.warn('invalid-cidr', `${what} is not a valid CIDR block`, line);
  return value;
}

/**
 * A file cut off mid-way (a paste, a full disk) still holds complete list
 * entries before the cut. Keeps the text up to the last entry completed in the
 * outermost list still open at the end, and closes what was open there, so a
 * half-written entry is never read as a whole one. Undefined when the text is
 * not simply cut short.
 */
export function salvageTruncatedJson(text: string): { text: string; line: number } | undefined {
  // Open containers as [position, bracket]; positions tell containers apart.
  const stack: [number, string][] = [];
  const cuts: { index: number; stack: [number, string][] }[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      // Deeper than the YAML reader reads: nothing to salvage (and copies of the stack below must stay small).
      if (stack.push([i, c]) > maxNestingDepth) return undefined;
    }
    else if (c === '}' || c === ']') {
      if (stack.pop()?.[1] !== (c === '}' ? '{' : '[')) return undefined;
      if (stack[stack.length - 1]?.[1] === '[') cuts.push({ index: i, stack: [...stack] });
    }
  }
  if (stack.length === 0) return undefined;
  const stillOpen = cuts.filter((cut) => cut.stack.every(([position], depth) => stack[depth]?.[0] === position));
  const depth = Math.min(...stillOpen.map((cut) => cut.stack.length));
  const cut = stillOpen.filter((candidate) => candidate.stack.length === depth).pop();
  if (cut === undefined) return undefined;
  const closers = [...cut.stack].reverse().map(([, open]) => (open === '{' ? '}' : ']')).join('');
  const line = text.slice(0, cut.index + 1).split('\n').length;
  return { text: `${text.slice(0, cut.index + 1)}${closers}`, line };
}
