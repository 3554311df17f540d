import type { z } from 'zod';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { dropInexactNumbers, findInexactNumbers } from './inexact-numbers.js';

export interface ParseResult<T> {
  value: T;
  diagnostics: Diagnostic[];
}

export interface ParseOptions {
  /** Snapshot-relative path, copied into diagnostics. */
  file?: string;
}

export interface ParserDefinition<T> {
  /** Kebab-case id, equal to the file name under src/parsers/. */
  id: string;
  /** The command (or file) whose output this parses, as a user would type it. */
  command: string;
  description: string;
  schema: z.ZodType<T>;
  /** A short, realistic sample of the input, rendered into docs/parsers.md with its parsed value. */
  example: string;
  /** Must not throw: report what it cannot read as diagnostics. */
  parse(text: string, options: ParseOptions): ParseResult<T>;
}

export interface Parser<T> extends ParserDefinition<T> {
  docsAnchor: string;
  parse(text: string, options?: ParseOptions): ParseResult<T>;
}

/**
 * Declares a parser. The returned `parse` never throws: an unexpected
 * exception becomes an error diagnostic with an empty-but-valid value, so one
 * broken file cannot stop an analysis. A number the text gave beyond what
 * JavaScript holds exactly never reaches a rule (see inexact-numbers.ts).
 */
export function defineParser<T>(definition: ParserDefinition<T> & { empty: () => T }): Parser<T> {
  const { empty, ...rest } = definition;
  return {
    ...rest,
    docsAnchor: `docs/parsers.md#${definition.id}`,
    parse(text: string, options: ParseOptions = {}): ParseResult<T> {
      try {
        const result = definition.parse(normalizeNewlines(text), options);
        const inexact = findInexactNumbers(result.value);
        if (inexact.length === 0) return result;
        const honest = dropInexactNumbers(definition, result.value, inexact, options.file);
        return { value: honest.value, diagnostics: [...result.diagnostics, ...honest.diagnostics] };
      } catch (error) {
        return {
          value: empty(),
          diagnostics: [
            diagnostic('error', 'parser-crashed', `${definition.id} parser failed: ${(error as Error).message}`, {
              file: options.file,
            }),
          ],
        };
      }
    },
  };
}

/** CRLF and lone CR become LF; a leading BOM is dropped. */
export function normalizeNewlines(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}
