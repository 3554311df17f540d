import type { Diagnostic } from '../diagnostics.js';
import type { ParseResult } from '../parsers/define-parser.js';
import { preparedParse, textLength } from '../snapshot/lazy-text.js';
import type { TextFile } from '../snapshot/schema.js';
import { preparedCommandOf } from './prepared-parses.js';

type Parse = (text: string, options: { file: string }) => ParseResult<unknown>;

/** Outputs shorter than this stay parsed for the whole analysis. */
export const smallOutputChars = 1024 * 1024;
/**
 * Larger outputs stay parsed while their text adds up to at most this (the
 * parsed form takes several times the text). A 20,000-Service cluster's
 * iptables-save is ~35 MB per node, and its parsed rules ~8 times that: all 20
 * captured nodes kept at once would outgrow the default heap.
 */
export const largeOutputBudgetChars = 48 * 1024 * 1024;

/**
 * Memo of parsed node outputs, per file and parser. Small outputs are kept;
 * large ones in least-recently-used order within a budget. A file's
 * diagnostics are reported the first time only, even if it is parsed again
 * after being evicted.
 */
export class ParsedOutputs {
  readonly #kept = new WeakMap<TextFile, Map<Parse, ParseResult<unknown>>>();
  readonly #reported = new WeakMap<TextFile, Set<Parse>>();
  /** Large entries, oldest first (Map keeps insertion order). */
  readonly #large = new Map<ParseResult<unknown>, { file: TextFile; parse: Parse }>();
  #largeChars = 0;

  get(file: TextFile, parse: Parse, diagnostics: Diagnostic[]): ParseResult<unknown> {
    const perFile = this.#kept.get(file);
    const hit = perFile?.get(parse);
    if (hit) {
      if (this.#large.has(hit)) {
        this.#large.delete(hit);
        this.#large.set(hit, { file, parse });
      }
      return hit;
    }
    const result = this.#prepared(file, parse) ?? parse(file.text, { file: file.file });
    const reported = this.#reported.get(file) ?? new Set<Parse>();
    if (!reported.has(parse)) {
      reported.add(parse);
      this.#reported.set(file, reported);
      diagnostics.push(...result.diagnostics);
    }
    if (textLength(file) >= smallOutputChars) this.#keepLarge(file, parse, result);
    else this.#keep(file, parse, result);
    return result;
  }

  /** The parse made ahead by the loader (prepared-parses.ts), when there is one to take. */
  #prepared(file: TextFile, parse: Parse): ParseResult<unknown> | undefined {
    const command = preparedCommandOf(parse);
    return command === undefined ? undefined : preparedParse(file, command);
  }

  #keep(file: TextFile, parse: Parse, result: ParseResult<unknown>): void {
    const perFile = this.#kept.get(file) ?? new Map<Parse, ParseResult<unknown>>();
    perFile.set(parse, result);
    this.#kept.set(file, perFile);
  }

  #keepLarge(file: TextFile, parse: Parse, result: ParseResult<unknown>): void {
    for (const [old, entry] of this.#large) {
      if (this.#largeChars + textLength(file) <= largeOutputBudgetChars) break;
      this.#large.delete(old);
      this.#largeChars -= textLength(entry.file);
      this.#kept.get(entry.file)?.delete(entry.parse);
    }
    this.#keep(file, parse, result);
    this.#large.set(result, { file, parse });
    this.#largeChars += textLength(file);
  }
}
