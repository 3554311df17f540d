import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { type StructuredDocument, parseStructuredOne } from '../structured-text.js';

/**
 * CNI configs, flannel's net-conf.json and Terway's eni_conf are read by Go's
 * encoding/json, which rejects what the YAML reader happily accepts. Documents
 * often annotate JSON with comments, e.g. an ExceptionList entry written as
 *   "10.244.0.0/16", # Cluster subnet
 * which YAML reads as a list with a comment but the CNI plugin cannot load.
 * This scanner finds the first such deviation so the file is reported as broken.
 */
export interface JsonProblem {
  /** 1-based line of the offending character. */
  line: number;
  /** What is wrong, without quoting the input. */
  problem: string;
}

type Previous = 'start' | 'open' | 'key' | 'colon' | 'value' | 'comma';

const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/;

export function strictJsonProblem(text: string): JsonProblem | undefined {
  const stack: string[] = [];
  let previous: Previous = 'start';
  let line = 1;
  let commaLine = 1;
  let i = 0;
  const inObject = (): boolean => stack[stack.length - 1] === '{';
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '\n') line += 1;
    if (c === '\n' || c === ' ' || c === '\t' || c === '\r') {
      i += 1;
      continue;
    }
    if (c === '#') return { line, problem: "a '#' comment (JSON has no comments)" };
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return { line, problem: 'a // or /* */ comment (JSON has no comments)' };
    if (previous === 'value' && stack.length === 0) return { line, problem: 'content after the end of the JSON document' };
    if (c === '}' || c === ']') {
      const open = stack.pop();
      if (open !== (c === '}' ? '{' : '[')) return { line, problem: 'a closing bracket that does not match an opening one' };
      if (previous === 'comma') return { line: commaLine, problem: 'a trailing comma before a closing bracket' };
      if (previous === 'key' || previous === 'colon') return { line, problem: 'a key without a value' };
      previous = 'value';
      i += 1;
      continue;
    }
    if (c === ',') {
      if (previous !== 'value' || stack.length === 0) return { line, problem: 'a misplaced comma' };
      previous = 'comma';
      commaLine = line;
      i += 1;
      continue;
    }
    if (c === ':') {
      if (previous !== 'key') return { line, problem: 'a misplaced colon' };
      previous = 'colon';
      i += 1;
      continue;
    }
    if (previous === 'value') return { line, problem: 'a missing comma between two entries' };
    if (previous === 'key') return { line, problem: 'a missing colon after a key' };
    const expectingKey: boolean = inObject() && (previous === 'open' || previous === 'comma');
    if (c === '{' || c === '[') {
      if (expectingKey) return { line, problem: 'an object key that is not a double-quoted string' };
      stack.push(c);
      previous = 'open';
      i += 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\n') return { line, problem: 'a line break inside a string' };
        j += text[j] === '\\' ? 2 : 1;
      }
      if (j >= text.length) return { line, problem: 'a string that is never closed' };
      previous = expectingKey ? 'key' : 'value';
      i = j + 1;
      continue;
    }
    if (expectingKey) return { line, problem: 'an object key that is not a double-quoted string' };
    const token = literal.exec(text.slice(i, i + 64))?.[0];
    if (token !== undefined && !/[\w.]/.test(text[i + token.length] ?? '')) {
      previous = 'value';
      i += token.length;
      continue;
    }
    if (c === "'") return { line, problem: 'a single-quoted string (JSON needs double quotes)' };
    return { line, problem: 'an unquoted word (JSON strings need double quotes)' };
  }
  if (previous === 'start') return { line: 1, problem: 'no JSON value at all' };
  if (stack.length > 0) return { line, problem: 'the text ends before every bracket is closed' };
  return undefined;
}

export interface StrictJsonOptions {
  file?: string | undefined;
  /** Added to every line, for JSON embedded in another file. */
  lineOffset?: number;
  /** What the text is, for messages: "CNI config", "eni_conf". */
  what: string;
}

/** Checks strict JSON first, then reads it with line numbers; a problem is one error diagnostic. */
export function parseStrictJson(
  text: string,
  options: StrictJsonOptions,
): { document: StructuredDocument | undefined; diagnostics: Diagnostic[] } {
  const offset = options.lineOffset ?? 0;
  const problem = strictJsonProblem(text);
  if (problem) {
    const message = `${options.what} is not valid JSON: ${problem.problem}; the program reading it will fail to load it`;
    return {
      document: undefined,
      diagnostics: [diagnostic('error', 'invalid-json', message, { file: options.file, line: problem.line + offset })],
    };
  }
  return parseStructuredOne(text, { file: options.file, lineOffset: offset });
}

/** {@link parseStrictJson} for a document that must be a JSON object; anything else is one error diagnostic. */
export function parseStrictJsonObject(
  text: string,
  options: StrictJsonOptions & { notAnObjectCode: string },
): { object: Record<string, unknown> | undefined; document: StructuredDocument | undefined; diagnostics: Diagnostic[] } {
  const { document, diagnostics } = parseStrictJson(text, options);
  if (!document) return { object: undefined, document, diagnostics };
  const value = document.value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return { object: value as Record<string, unknown>, document, diagnostics };
  }
  const where = { file: options.file, line: document.line };
  diagnostics.push(diagnostic('error', options.notAnObjectCode, `${options.what} must be a JSON object`, where));
  return { object: undefined, document, diagnostics };
}
