import type { Random } from './random.js';

const captured = Date.parse('2026-11-20T08:00:00Z');

/** An RFC 3339 time `secondsAgo` before the capture, as the API server writes it. */
export function timeAgo(secondsAgo: number): string {
  return new Date(captured - secondsAgo * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const capturedAt = timeAgo(0);

/** `metadata.managedFields` entries as server-side apply records them (kubectl shows them with --show-managed-fields). */
export function managedField(manager: string, operation: 'Update' | 'Apply', time: string, fieldsV1: object, subresource?: string) {
  return { apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1, manager, operation, ...(subresource ? { subresource } : {}), time };
}

/** `f:` entries for each key of a map (`{".": {}, "f:app": {}}`), the shape managedFields uses for labels and annotations. */
export function fieldsOf(keys: readonly string[]): Record<string, object> {
  const out: Record<string, object> = { '.': {} };
  for (const key of keys) out[`f:${key}`] = {};
  return out;
}

export interface MetaOptions {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  owner?: { apiVersion: string; kind: string; name: string; uid: string };
  generateName?: string;
  created: string;
  managedFields: object[];
}

/** `metadata` in the key order kubectl prints (alphabetical, as Go's JSON encoder of the typed struct). */
export function metadata(rnd: Random, o: MetaOptions) {
  return {
    ...(o.annotations ? { annotations: o.annotations } : {}),
    creationTimestamp: o.created,
    ...(o.generateName ? { generateName: o.generateName } : {}),
    ...(o.labels ? { labels: o.labels } : {}),
    managedFields: o.managedFields,
    name: o.name,
    ...(o.namespace ? { namespace: o.namespace } : {}),
    ...(o.owner ? { ownerReferences: [{ apiVersion: o.owner.apiVersion, blockOwnerDeletion: true, controller: true, kind: o.owner.kind, name: o.owner.name, uid: o.owner.uid }] } : {}),
    resourceVersion: String(rnd.int(1_000_000, 99_999_999)),
    uid: rnd.uid(),
  };
}
