/**
 * Reading `ConvertTo-Json` output of Windows PowerShell (Get-HnsNetwork, Get-HnsEndpoint,
 * Get-NetAdapter). Helpers for the parsers that read it; no parser lives here.
 */
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { type Path, isRecord } from '../configs/go-json-values.js';
import { type StructuredDocument, parseStructuredOne } from '../structured-text.js';

export interface PowerShellObject {
  value: Record<string, unknown>;
  /** Path of the object in the document, for `document.lineOf`. */
  path: Path;
  line: number;
}

export interface PowerShellObjects {
  objects: PowerShellObject[];
  document?: StructuredDocument;
  diagnostics: Diagnostic[];
}

/**
 * The objects of a `ConvertTo-Json` dump, whatever shape PowerShell gave it: an array; one object
 * when the pipeline held a single item; `{ "value": [...], "Count": n }` when an array was passed
 * with `-InputObject` (Windows PowerShell 5.1); nothing at all when the pipeline was empty.
 */
export function readPowerShellObjects(text: string, file: string | undefined, what: string): PowerShellObjects {
  if (text.trim() === '') {
    const message = `the file is empty: ${what} returned no objects`;
    return { objects: [], diagnostics: [diagnostic('info', 'empty-output', message, { file })] };
  }
  if (!/^\s*[[{]/.test(text)) {
    const message = `not ConvertTo-Json output (a table or list?); capture ${what} | ConvertTo-Json -Depth 10`;
    return { objects: [], diagnostics: [diagnostic('error', 'not-json', message, { file, line: 1 })] };
  }
  const { document, diagnostics } = parseStructuredOne(text, { file });
  if (!document) return { objects: [], diagnostics };
  const root = document.value;
  const wrapped = isRecord(root) && Array.isArray(root.value) && typeof root.Count === 'number';
  const list = Array.isArray(root) ? root : wrapped ? (root.value as unknown[]) : [root];
  const prefix: Path = wrapped ? ['value'] : [];
  const objects: PowerShellObject[] = [];
  list.forEach((item, i) => {
    const path = Array.isArray(root) || wrapped ? [...prefix, i] : [];
    const line = document.lineOf(path) ?? document.line;
    if (isRecord(item)) objects.push({ value: item, path, line });
    else diagnostics.push(diagnostic('warning', 'not-an-object', `item ${i + 1} is not a JSON object`, { file, line }));
  });
  const cut = mayHoldDepthCut(text) ? firstDepthCut(root, []) : undefined;
  if (cut) {
    const message = 'ConvertTo-Json cut nested values at its -Depth (default 2), so policies and subnets are unreadable; capture again with ConvertTo-Json -Depth 10';
    diagnostics.push(diagnostic('warning', 'powershell-depth-truncated', message, { file, line: document.lineOf(cut) ?? document.line }));
  }
  return { objects, document, diagnostics };
}

/** Below its -Depth, ConvertTo-Json writes a nested value as its type name or `@{Key=…}` text. */
export function isDepthCut(value: unknown): boolean {
  return typeof value === 'string' && (value === 'System.Object[]' || (value.charCodeAt(0) === 64 && /^@\{.*\}$/s.test(value)));
}

/**
 * Whether the text can hold a value isDepthCut takes. JSON writes a string `System.Object[]` as
 * `"System.Object[]"` and one starting with `@{` as `"@{…` unless it uses a `\u` escape (none of their
 * characters has a short one); the YAML reader (a text JSON.parse refused) needs a backslash or an
 * apostrophe to write them otherwise (`[`, `]` end a plain scalar in a flow, `@` cannot start one).
 * Four native searches instead of a walk over ~100,000 values of an HNS dump.
 */
export function mayHoldDepthCut(text: string): boolean {
  return text.includes('System.Object[]') || text.includes('@{') || text.includes('\\') || text.includes("'");
}

/** The path of the first cut value, depth first in document order. One path array for the walk, copied only when found: a 1 MB HNS dump has ~100,000 values. */
function firstDepthCut(value: unknown, path: Path): Path | undefined {
  if (isDepthCut(value)) return [...path];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const found = firstDepthCut(value[i], path);
      path.pop();
      if (found) return found;
    }
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      path.push(key);
      const found = firstDepthCut(value[key], path);
      path.pop();
      if (found) return found;
    }
  }
  return undefined;
}
