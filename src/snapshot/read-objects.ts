import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { parseStructured } from '../parsers/structured-text.js';
import { type Raw, rec, str } from './raw.js';
import { type Reduced, reduceObject } from './reduce-object.js';

export interface ReadObjects {
  objects: Reduced[];
  /** Kinds the file shows were captured, even when it lists none (`kind: PodList`, `pods.json`). */
  capturedKinds: Set<string>;
  diagnostics: Diagnostic[];
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

/** Reads a JSON or YAML file of Kubernetes objects: one object, a `List`, or several YAML documents. */
export function readObjects(file: string, text: string): ReadObjects {
  const result: ReadObjects = { objects: [], capturedKinds: new Set(), diagnostics: [] };
  const stem = (file.split('/').at(-1) ?? '').replace(/\.(json|ya?ml)$/i, '').toLowerCase();
  const documents = documentsOf(file, text, result.diagnostics);
  // `pods.json` holding an empty List still shows pods were captured; an unreadable one does not.
  const hinted = kindsByFileName[stem];
  if (hinted && documents.length > 0) result.capturedKinds.add(hinted);

  for (const { value, line } of documents) {
    if (value === null || value === undefined) continue;
    const doc = rec(value);
    const kind = str(doc.kind);
    if (Array.isArray(doc.items)) {
      const listKind = kind?.endsWith('List') && kind !== 'List' ? kind.slice(0, -4) : undefined;
      if (listKind) result.capturedKinds.add(listKind);
      doc.items.forEach((item, index) => addObject(result, rec(item), file, listKind, index, line));
    } else if (kind) {
      addObject(result, doc, file, undefined, undefined, line);
    } else {
      result.diagnostics.push(diagnostic('warning', 'not-an-object', 'document has no `kind`; skipped', { file, line }));
    }
  }
  return result;
}

function addObject(result: ReadObjects, raw: Raw, file: string, listKind: string | undefined, index: number | undefined, line: number | undefined) {
  if (!str(raw.kind) && listKind) raw = { ...raw, kind: listKind };
  const kind = str(raw.kind);
  if (!kind) {
    result.diagnostics.push(diagnostic('warning', 'not-an-object', `items[${index}] has no \`kind\`; skipped`, { file, line }));
    return;
  }
  const m = rec(raw.metadata);
  const id = [str(m.namespace), str(m.name)].filter(Boolean).join('/');
  const where = index === undefined ? '' : ` (items[${index}])`;
  const source = index === undefined && line !== undefined ? { file, line, object: `${kind} ${id}` } : { file, object: `${kind} ${id}${where}` };
  result.capturedKinds.add(kind);
  result.objects.push(reduceObject(raw, source));
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
