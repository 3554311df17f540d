import { LineCounter, parseAllDocuments, parseDocument, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { jsonSyntaxError } from './json-error.js';

/**
 * The only importer of `yaml`. JSON is parsed with it too (YAML 1.2 is a
 * superset of JSON), which buys line numbers for every value: evidence can say
 * "cni/10-flannel.conflist line 12", which JSON.parse cannot.
 */
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
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: options.strict ?? false });
  } catch (error) {
    return {
      documents: [],
      diagnostics: [diagnostic('error', 'syntax', `could not parse: ${(error as Error).message}`, { file: options.file })],
    };
  }
  const list = Array.isArray(docs) ? docs : [docs];
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
    documents.push({
      value: doc.toJS({ maxAliasCount: 100 }),
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
  const lineCounter = new LineCounter();
  const offset = options.lineOffset ?? 0;
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: options.strict ?? false });
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
  return {
    document: {
      value: doc.toJS({ maxAliasCount: 100 }),
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
