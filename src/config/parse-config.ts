import { parseStructuredOne } from '../parsers/structured-text.js';
import type { SuppressionRule } from '../findings/suppressions.js';
import { ConfigFile } from './config-file.js';

export type ParsedConfig =
  | { ok: true; config: ConfigFile; suppressions: SuppressionRule[] }
  | { ok: false; error: string; line?: number | undefined };

/**
 * Reads a config file's text; the first problem comes back with its line and the
 * path inside the file. `file` is how the file is named in messages and in each
 * suppression (so a suppressed finding says where it was accepted).
 */
export function parseConfig(text: string, file: string): ParsedConfig {
  const { document, diagnostics } = parseStructuredOne(text, { file });
  const syntax = diagnostics.find((d) => d.severity === 'error');
  if (syntax) return { ok: false, error: `${file}${syntax.line ? `:${syntax.line}` : ''}: ${syntax.message}`, line: syntax.line };
  const value = document?.value ?? {};
  const parsed = ConfigFile.safeParse(value === null ? {} : value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const line = nearestLine(document, path);
    return { ok: false, error: `${file}${line ? `:${line}` : ''}: ${path.join('.') || '(top level)'}: ${issue.message}`, line };
  }
  const suppressions = (parsed.data.suppressions ?? []).map((s, i): SuppressionRule => ({
    ...s,
    file,
    line: document?.lineOf(['suppressions', i]),
  }));
  return { ok: true, config: parsed.data, suppressions };
}

/** The line of `path`, or of its nearest ancestor present in the file (a missing key is reported where its object is). */
function nearestLine(document: { lineOf(path: readonly (string | number)[]): number | undefined } | undefined, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const line = document?.lineOf(path.slice(0, n));
    if (line !== undefined) return line;
  }
  return undefined;
}
