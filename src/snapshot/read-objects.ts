import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { parseStructured } from '../parsers/structured-text.js';
import { rec, str } from './raw.js';
import { type Reduced, reduceObject } from './reduce-object.js';

export interface ReadObjects {
  objects: Reduced[];
  /** Kinds the file shows were captured, even when it lists none (`kind: PodList`, `pods.json`). */
  capturedKinds: Set<string>;
  diagnostics: Diagnostic[];
}

/** Where one object was read: its file, and its place in a List or the line of its YAML document. */
export interface ObjectOrigin {
  file: string;
  /** The item kind a typed List names (`PodList` → `Pod`), for items that omit `kind`. */
  listKind?: string;
  /** Index in the List's `items`. */
  index?: number;
  /** Line of the document (multi-document YAML). */
  line?: number;
}

const kindsByFileName: Record<string, string> = {
  nodes: 'Node',
  pods: 'Pod',
  services: 'Service',
  svc: 'Service',
  endpoints: 'Endpoints',
  ep: 'Endpoints',
  endpointslices: 'EndpointSlice',
  configmaps: 'ConfigMap',
  cm: 'ConfigMap',
  events: 'Event',
  ingresses: 'Ingress',
  ing: 'Ingress',
  daemonsets: 'DaemonSet',
  ds: 'DaemonSet',
  deployments: 'Deployment',
  networkpolicies: 'NetworkPolicy',
  namespaces: 'Namespace',
};

/** The kind a file's name says it holds (`pods.json` → `Pod`), if any. */
export function kindHintedByFileName(file: string): string | undefined {
  const stem = (file.split('/').at(-1) ?? '').replace(/\.(json|ya?ml)$/i, '').toLowerCase();
  return kindsByFileName[stem];
}

/** `PodList` → `Pod`; the untyped `List` kubectl prints names no kind. */
export function itemKindOfList(kind: string | undefined): string | undefined {
  return kind?.endsWith('List') && kind !== 'List' ? kind.slice(0, -4) : undefined;
}

/** Reduces one parsed object (a document, or an item of a List), or says why it cannot. */
export function readObject(value: unknown, origin: ObjectOrigin): { object: Reduced } | { diagnostic: Diagnostic } {
  let raw = rec(value);
  if (!str(raw.kind) && origin.listKind) raw = { ...raw, kind: origin.listKind };
  const kind = str(raw.kind);
  const { file, index, line } = origin;
  if (!kind) {
    const what = index === undefined ? 'document' : `items[${index}]`;
    return { diagnostic: diagnostic('warning', 'not-an-object', `${what} has no \`kind\`; skipped`, { file, line }) };
  }
  const m = rec(raw.metadata);
  const id = [str(m.namespace), str(m.name)].filter(Boolean).join('/');
  const where = index === undefined ? '' : ` (items[${index}])`;
  const source = index === undefined && line !== undefined ? { file, line, object: `${kind} ${id}` } : { file, object: `${kind} ${id}${where}` };
  return { object: reduceObject(raw, source) };
}

/** Reads a JSON or YAML file of Kubernetes objects: one object, a `List`, or several YAML documents. */
export function readObjects(file: string, text: string): ReadObjects {
  const result: ReadObjects = { objects: [], capturedKinds: new Set(), diagnostics: [] };
  const documents = documentsOf(file, text, result.diagnostics);
  // `pods.json` holding an empty List still shows pods were captured; an unreadable one does not.
  const hinted = kindHintedByFileName(file);
  if (hinted && documents.length > 0) result.capturedKinds.add(hinted);
  return readDocuments(file, documents, result);
}

/** Reduces already-parsed documents (objects or Lists) of `file` into `result`. */
export function readDocuments(
  file: string,
  documents: ReadonlyArray<{ value: unknown; line?: number }>,
  result: ReadObjects = { objects: [], capturedKinds: new Set(), diagnostics: [] },
): ReadObjects {
  const add = (value: unknown, origin: ObjectOrigin) => {
    const read = readObject(value, origin);
    if ('diagnostic' in read) return void result.diagnostics.push(read.diagnostic);
    result.capturedKinds.add(read.object.kind);
    result.objects.push(read.object);
  };

  for (const { value, line } of documents) {
    if (value === null || value === undefined) continue;
    const doc = rec(value);
    const kind = str(doc.kind);
    // Go prints an empty List's items as `null` (troubleshoot.sh bundles do).
    if (Array.isArray(doc.items) || (doc.items === null && itemKindOfList(kind))) {
      const items: unknown[] = Array.isArray(doc.items) ? doc.items : [];
      const listKind = itemKindOfList(kind);
      if (listKind) result.capturedKinds.add(listKind);
      items.forEach((item, index) => add(item, { file, listKind, index, line }));
    } else if (kind) {
      add(doc, { file, line });
    } else {
      result.diagnostics.push(diagnostic('warning', 'not-an-object', 'document has no `kind`; skipped', { file, line }));
    }
  }
  return result;
}

/**
 * JSON goes through JSON.parse (fast, and the usual `kubectl -o json`); if that
 * fails the YAML reader retries, which accepts near-JSON and, if it fails too,
 * says on which line.
 */
function documentsOf(file: string, text: string, diagnostics: Diagnostic[]): Array<{ value: unknown; line?: number }> {
  if (/\.json$/i.test(file)) {
    try {
      return [{ value: JSON.parse(text) }];
    } catch {
      const retry = parseStructured(text, { file });
      if (retry.diagnostics.some((d) => d.severity === 'error')) {
        diagnostics.push(...retry.diagnostics.map((d) => ({ ...d, message: `invalid JSON: ${d.message}` })));
        return [];
      }
      diagnostics.push(diagnostic('warning', 'lenient-json', 'not strict JSON; read with the YAML reader', { file }));
      return retry.documents.map((d) => ({ value: d.value, line: d.line }));
    }
  }
  const parsed = parseStructured(text, { file });
  diagnostics.push(...parsed.diagnostics);
  return parsed.documents.map((d) => ({ value: d.value, line: d.line }));
}
