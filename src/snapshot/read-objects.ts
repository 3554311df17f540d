import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { parseStructured } from '../parsers/structured-text.js';
import { rec, str } from './raw.js';
import { maskObject } from './mask-secrets.js';
import { type Reduced, reduceObject } from './reduce-object.js';

export interface ReadObjects {
  objects: Reduced[];
  /** Kinds the file shows were captured, even when it lists none (`kind: PodList`, `pods.json`). */
  capturedKinds: Set<string>;
  /** The kind the file's name promised when nothing of it could be read. */
  unreadableKind?: string;
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

/**
 * The kind a file's name says it holds (`pods.json` → `Pod`), or its folder's when the name is a
 * namespace (`cluster-resources/pods/default.json`, as support bundles lay them out), if any.
 */
export function kindHintedByFileName(file: string): string | undefined {
  const parts = file.split('/');
  const stem = (parts.at(-1) ?? '').replace(/\.(json|ya?ml)$/i, '').toLowerCase();
  return kindsByFileName[stem] ?? (parts.length > 1 ? kindsByFileName[(parts.at(-2) ?? '').toLowerCase()] : undefined);
}

/** `PodList` → `Pod`; the untyped `List` kubectl prints names no kind. */
export function itemKindOfList(kind: string | undefined): string | undefined {
  return kind?.endsWith('List') && kind !== 'List' ? kind.slice(0, -4) : undefined;
}

/** Reduces one parsed object (a document, or an item of a List), or says why it cannot. */
export function readObject(value: unknown, origin: ObjectOrigin): { object: Reduced } | { diagnostic: Diagnostic } {
  let raw = rec(value);
  if (!typedKind(raw) && origin.listKind) raw = { ...raw, kind: origin.listKind };
  const kind = typedKind(raw);
  const { file, index, line } = origin;
  if (!kind) {
    const what = index === undefined ? 'document' : `items[${index}]`;
    return { diagnostic: diagnostic('warning', 'not-an-object', `${what} has no \`kind\`; skipped`, { file, line }) };
  }
  const m = rec(raw.metadata);
  const id = [str(m.namespace), str(m.name)].filter(Boolean).join('/');
  // Joined, not a template literal: V8 keeps a concatenation as a tree of its parts (cons strings), four
  // objects more per loaded object for every garbage collection while the snapshot lives.
  const object = index === undefined ? [kind, id].join(' ') : [kind, ' ', id, ' (items[', index, '])'].join('');
  const source = index === undefined && line !== undefined ? { file, line, object } : { file, object };
  return { object: maskObject(reduceObject(raw, source)) };
}

/**
 * Reads a JSON or YAML file of Kubernetes objects: one object, a `List`, a bare JSON array of objects
 * (support bundles write those), or several YAML documents. A kind counts as captured only when
 * objects of it were read, or the file holds an empty List of it — never merely because of the
 * file's name: a `pods.json` none of whose objects could be read is an error diagnostic, and the
 * rules that need pods are then not evaluated.
 */
export function readObjects(file: string, text: string): ReadObjects {
  const diagnostics: Diagnostic[] = [];
  const documents = documentsOf(file, text, diagnostics);
  return readDocuments(file, documents, diagnostics);
}

/** Reduces already-parsed documents (objects, Lists or arrays) of `file`, as readObjects does. */
export function readDocuments(file: string, documents: ReadonlyArray<{ value: unknown; line?: number }>, diagnostics: Diagnostic[] = []): ReadObjects {
  const result: ReadObjects = { objects: [], capturedKinds: new Set(), diagnostics };
  const hinted = kindHintedByFileName(file);
  let offered = 0;
  let untypedByHint = 0;
  const add = (value: unknown, origin: ObjectOrigin) => {
    offered++;
    // Items of an untyped List or array often carry no kind (client-go drops TypeMeta from list
    // items); a name that says the kind (`pods.json`) fills it in, as a typed List's kind does.
    const byHint = !origin.listKind && hinted !== undefined && takesHintedKind(value);
    const read = readObject(value, byHint ? { ...origin, listKind: hinted } : origin);
    if ('diagnostic' in read) return void result.diagnostics.push(read.diagnostic);
    // Only objects the name gave their kind (a streamed file counts the same way: list-item-sink.ts).
    if (byHint) untypedByHint++;
    result.capturedKinds.add(read.object.kind);
    result.objects.push(read.object);
  };

  for (const { value, line } of documents) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length === 0 && hinted) result.capturedKinds.add(hinted);
      value.forEach((item, index) => add(item, { file, index, line }));
      continue;
    }
    const doc = rec(value);
    const kind = str(doc.kind);
    // Go prints an empty List's items as `null` (troubleshoot.sh bundles do).
    if (Array.isArray(doc.items) || (doc.items === null && itemKindOfList(kind))) {
      const items: unknown[] = Array.isArray(doc.items) ? doc.items : [];
      const listKind = itemKindOfList(kind);
      if (items.length === 0 && (listKind ?? hinted)) result.capturedKinds.add((listKind ?? hinted)!);
      items.forEach((item, index) => add(item, { file, listKind, index, line }));
    } else if (kind) {
      add(doc, { file, line });
    } else {
      offered++;
      result.diagnostics.push(diagnostic('warning', 'not-an-object', 'document has no `kind`; skipped', { file, line }));
    }
  }
  const parseFailed = documents.length === 0 && result.diagnostics.some((d) => d.severity === 'error');
  const verdict = objectFileVerdict(file, { offered, read: result.objects.length, untypedByHint, capturedKinds: result.capturedKinds, parseFailed });
  result.diagnostics.push(...verdict.diagnostics);
  if (verdict.unreadableKind) result.unreadableKind = verdict.unreadableKind;
  return result;
}

export interface ObjectFileCounts {
  /** Documents or List items the file offered as objects. */
  offered: number;
  /** How many of them were read. */
  read: number;
  /** How many were read by the kind the file's name says (they carried none). */
  untypedByHint: number;
  capturedKinds: ReadonlySet<string>;
  /** The file could not be parsed at all. */
  parseFailed: boolean;
}

/**
 * What a whole file of objects amounts to, the same whether it was read whole or streamed: the
 * diagnostics about it as a whole, and the kind its name promised when nothing of it could be read.
 */
export function objectFileVerdict(file: string, counts: ObjectFileCounts): { diagnostics: Diagnostic[]; unreadableKind?: string } {
  const hinted = kindHintedByFileName(file);
  const diagnostics: Diagnostic[] = [];
  if (counts.untypedByHint > 0) {
    diagnostics.push(diagnostic('info', 'kind-from-file-name', `${counts.untypedByHint} object(s) without \`kind\` read as ${hinted} (the file name says so)`, { file }));
  }
  if (counts.offered > 0 && counts.read === 0) {
    const what = `none of the ${counts.offered} document(s) or item(s) could be read as Kubernetes objects`;
    diagnostics.push(diagnostic('error', 'no-objects-read', `${what}${hinted ? `; ${hinted} objects count as not captured` : ''}`, { file }));
  }
  const unreadable = hinted && counts.capturedKinds.size === 0 && (counts.parseFailed || counts.offered > 0);
  return unreadable ? { diagnostics, unreadableKind: hinted } : { diagnostics };
}

/** Whether a List item without `kind` may take the kind its file's name says: only a named object. */
export function takesHintedKind(value: unknown): boolean {
  return typedKind(value) === undefined && str(rec(rec(value).metadata).name) !== undefined;
}

/** The kind an object names for itself: a non-empty string (a number, a boolean or `''` names none). */
export function typedKind(value: unknown): string | undefined {
  const kind = rec(value).kind;
  return typeof kind === 'string' && kind !== '' ? kind : undefined;
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
        diagnostics.push(...retry.diagnostics);
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
