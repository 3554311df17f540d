import { type CST, Composer, type Document, LineCounter, Parser, YAMLParseError, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { jsonSyntaxError } from './json-error.js';
import { jsonLineTree, lineAt } from './json-lines.js';

/**
 * The only importer of `yaml`. JSON is parsed with it too (YAML 1.2 is a
 * superset of JSON), which buys line numbers for every value: evidence can say
 * "cni/10-flannel.conflist line 12", which JSON.parse cannot.
 *
 * yaml composes documents recursively: a few thousand nested brackets exhaust
 * the stack, and when that happens inside V8's regular-expression compiler the
 * process dies (a fatal error, not a catchable exception). So the text is first
 * tokenised by yaml's iterative Parser, the depth of the token tree measured
 * without recursion, and only text within the limits is composed.
 */
/** Deepest nesting of collections read; Kubernetes objects and CNI configs stay well under 40. */
export const maxNestingDepth = 256;
/** Longest text given to the YAML reader (JSON object files go through JSON.parse instead). */
export const maxStructuredChars = 64 * 1024 * 1024;

export interface StructuredDocument {
  value: unknown;
  /** 1-based line where the document starts in the file. */
  line: number;
  /** Line of the node at a dot/index path such as `delegate.policies.0.Value`, if known. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export interface StructuredResult {
  documents: StructuredDocument[];
  diagnostics: Diagnostic[];
}

export interface StructuredOptions {
  file?: string | undefined;
  /** Report duplicate keys and other strictness problems as errors (kube-proxy needs this). */
  strict?: boolean;
  /** Line to add to every reported line (for text embedded in another file). */
  lineOffset?: number;
}

/** Parses one or more YAML (or JSON) documents; never throws. */
export function parseStructured(text: string, options: StructuredOptions = {}): StructuredResult {
  const lineCounter = new LineCounter();
  const offset = options.lineOffset ?? 0;
  const diagnostics: Diagnostic[] = [];
  let list: Document.Parsed[];
  try {
    const tokens = tokensWithinLimits(text, lineCounter, options);
    if ('diagnostic' in tokens) return { documents: [], diagnostics: [tokens.diagnostic] };
    list = withoutStackTraces(() => Array.from(new Composer(composeOptions(options)).compose(tokens.tokens)));
  } catch (error) {
    return {
      documents: [],
      diagnostics: [diagnostic('error', 'syntax', `could not parse: ${(error as Error).message}`, { file: options.file })],
    };
  }
  const documents: StructuredDocument[] = [];
  for (const doc of list) {
    // After the first error yaml reports its knock-on effects; only the first helps the reader.
    const problems = [...doc.errors.slice(0, 1), ...(options.strict ? doc.warnings : [])];
    for (const problem of problems) {
      const pos = problem.pos?.[0];
      const line = pos === undefined ? undefined : lineCounter.linePos(pos).line + offset;
      diagnostics.push(
        diagnostic(doc.errors.includes(problem as never) ? 'error' : 'warning', 'syntax', describeYamlProblem(problem), {
          file: options.file,
          line,
        }),
      );
    }
    if (doc.errors.length > 0) continue;
    if (doc.contents === null && list.length > 1) continue; // an empty document between `---`s
    // The first line of content, not the `---` marker before it.
    const start = (doc.contents as YamlNode | null)?.range?.[0] ?? doc.range?.[0] ?? 0;
    const value = valueOf(doc, options, lineCounter.linePos(start).line + offset, diagnostics);
    if (value === unreadable) continue;
    documents.push({
      value,
      line: lineCounter.linePos(start).line + offset,
      lineOf(path) {
        const node = nodeAt(doc.contents as YamlNode | null, path);
        const at = node?.range?.[0];
        return at === undefined ? undefined : lineCounter.linePos(at).line + offset;
      },
    });
  }
  return { documents, diagnostics: inJsonWords(text, options, diagnostics) };
}

/** Convenience: exactly one document expected. */
export function parseStructuredOne(text: string, options: StructuredOptions = {}): {
  document: StructuredDocument | undefined;
  diagnostics: Diagnostic[];
} {
  const fast = options.strict ? undefined : asJson(text, options.lineOffset ?? 0);
  if (fast) return { document: fast, diagnostics: [] };
  const lineCounter = new LineCounter();
  const offset = options.lineOffset ?? 0;
  let doc: Document.Parsed;
  try {
    const tokens = tokensWithinLimits(text, lineCounter, options);
    if ('diagnostic' in tokens) return { document: undefined, diagnostics: [tokens.diagnostic] };
    doc = withoutStackTraces(() => onlyDocument(tokens.tokens, text, options));
  } catch (error) {
    return { document: undefined, diagnostics: [diagnostic('error', 'syntax', `could not parse: ${(error as Error).message}`, { file: options.file })] };
  }
  const diagnostics: Diagnostic[] = [];
  const problems = [...doc.errors.slice(0, 1), ...(options.strict ? doc.warnings : [])];
  for (const problem of problems) {
    const pos = problem.pos?.[0];
    diagnostics.push(
      diagnostic('error', 'syntax', describeYamlProblem(problem), {
        file: options.file,
        line: pos === undefined ? undefined : lineCounter.linePos(pos).line + offset,
      }),
    );
  }
  if (doc.errors.length > 0) return { document: undefined, diagnostics: inJsonWords(text, options, diagnostics) };
  const value = valueOf(doc, options, 1 + offset, diagnostics);
  if (value === unreadable) return { document: undefined, diagnostics };
  return {
    document: {
      value,
      line: 1 + offset,
      lineOf(path) {
        const node = nodeAt(doc.contents as YamlNode | null, path);
        const at = node?.range?.[0];
        return at === undefined ? undefined : lineCounter.linePos(at).line + offset;
      },
    },
    diagnostics,
  };
}

/**
 * A text that is JSON, read by JSON.parse with the line of every value from one scan
 * (json-lines.ts) instead of through yaml, ~50× faster: the same value, except that a
 * repeated key keeps its last value as JSON.parse (and Go) do, where yaml rejects the
 * document. Undefined — read by yaml as before, with its diagnostics — when the text is
 * not JSON, is over the size limit or nests too deeply.
 */
function asJson(text: string, offset: number): StructuredDocument | undefined {
  const first = /\S/.exec(text.slice(0, 64))?.[0];
  if ((first !== '{' && first !== '[') || text.length > maxStructuredChars) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const lines = jsonLineTree(text, maxNestingDepth);
  if (!lines) return undefined;
  return {
    value,
    line: 1 + offset,
    lineOf(path) {
      const line = lineAt(lines, path);
      return line === undefined ? undefined : line + offset;
    },
  };
}

/**
 * A file named .json that the YAML reader rejected is described by the JSON
 * parser instead ("invalid JSON: unexpected end of JSON input", with its line).
 */
function inJsonWords(text: string, options: StructuredOptions, diagnostics: Diagnostic[]): Diagnostic[] {
  if (!options.file || !/\.json$/i.test(options.file) || !diagnostics.some((d) => d.severity === 'error' && d.code === 'syntax')) return diagnostics;
  const json = jsonSyntaxError(text);
  if (!json) return diagnostics;
  const yamlLine = diagnostics.find((d) => d.code === 'syntax')?.line;
  const line = json.line === undefined ? yamlLine : json.line + (options.lineOffset ?? 0);
  return [
    diagnostic('error', 'syntax', `invalid JSON: ${json.message}`, { file: options.file, line }),
    ...diagnostics.filter((d) => d.code !== 'syntax'),
  ];
}

/**
 * yaml makes an Error object per problem, and capturing each one's stack trace is most of
 * the time spent on a damaged file (a line of 100,000 quotes: thousands of errors, seconds).
 * Only their codes, messages and positions are read.
 */
function withoutStackTraces<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

const unreadable = Symbol('unreadable');

/**
 * The document as plain values. yaml throws here, not while composing, on an alias whose
 * anchor comes later (`*a` before `&a`) or that expands too often (a billion-laughs file).
 */
function valueOf(doc: Document.Parsed, options: StructuredOptions, line: number, diagnostics: Diagnostic[]): unknown {
  try {
    return withoutStackTraces(() => doc.toJS({ maxAliasCount: 100 }));
  } catch (error) {
    const message = `could not read the document: ${((error as Error).message.split(':')[0] ?? 'error').slice(0, 80)}`;
    diagnostics.push(diagnostic('error', 'syntax', message, { file: options.file, line }));
    return unreadable;
  }
}

function composeOptions(options: StructuredOptions) {
  // logLevel 'error': yaml would otherwise print its warnings (a map key that is a collection) through
  // process.emitWarning, on the user's stderr, outside any report; what matters reaches the report as a diagnostic.
  return { uniqueKeys: true, prettyErrors: false, strict: options.strict ?? false, logLevel: 'error' as const };
}

/** As yaml's parseDocument: the first document, with an error if more follow. */
function onlyDocument(tokens: CST.Token[], text: string, options: StructuredOptions): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(composeOptions(options)).compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError(next.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return doc!;
}

/** Tokens of the text, or a diagnostic when it is too large or nested too deeply to compose safely. */
function tokensWithinLimits(
  text: string,
  lineCounter: LineCounter,
  options: StructuredOptions,
): { tokens: CST.Token[] } | { diagnostic: Diagnostic } {
  const file = options.file;
  if (text.length > maxStructuredChars) {
    const message = `${text.length} characters is more than the YAML reader accepts (${maxStructuredChars}); save it as JSON (kubectl -o json)`;
    return { diagnostic: diagnostic('error', 'too-large', message, { file }) };
  }
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const deep = firstTooDeep(tokens);
  if (deep === undefined) return { tokens };
  const line = lineCounter.linePos(deep).line + (options.lineOffset ?? 0);
  const message = `nested more than ${maxNestingDepth} levels deep; not read (real captures nest a few dozen levels at most)`;
  return { diagnostic: diagnostic('error', 'too-deep', message, { file, line }) };
}

/** Offset of the first collection nested deeper than the limit, walking the token tree without recursion. */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: Array<[CST.Token, number]> = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth >= maxNestingDepth) return token.offset;
      for (const item of token.items as Array<{ key?: CST.Token | null; value?: CST.Token }>) {
        if (item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}

function nodeAt(root: YamlNode | null, path: readonly (string | number)[]): YamlNode | undefined {
  let node: unknown = root;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      node = pair?.value ?? undefined;
    } else if (isSeq(node)) {
      node = node.items[Number(key)];
    } else {
      return undefined;
    }
  }
  return (node ?? undefined) as YamlNode | undefined;
}

/**
 * yaml's messages end with a code frame that quotes the offending line; drop it
 * so that a value from a Secret can never reach a diagnostic.
 */
function describeYamlProblem(problem: { code: string; message: string }): string {
  const firstLine = problem.message.split('\n')[0] ?? problem.message;
  // Token errors end with the token itself (`…in YAML stream: "}"`), which is input text.
  const withoutToken = firstLine.replace(/ at line \d+, column \d+:?$/, '').replace(/:\s*".*"\s*$/, '');
  return `${problem.code}: ${withoutToken}`;
}
