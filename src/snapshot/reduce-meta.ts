import type { Source } from './source.js';
import { type Raw, arr, defined, rec, str, stringMap } from './raw.js';

/** The metadata every reduced object keeps: name, namespace, labels, annotations, controlling owner, and where it was read. */
export function meta(raw: Raw, source: Source) {
  const m = rec(raw.metadata);
  const owner = arr(m.ownerReferences).find((o) => o.controller === true) ?? arr(m.ownerReferences)[0];
  return defined({
    name: str(m.name) ?? '',
    namespace: str(m.namespace),
    labels: stringMap(m.labels),
    annotations: stringMap(m.annotations),
    ownerKind: owner ? str(owner.kind) : undefined,
    ownerName: owner ? str(owner.name) : undefined,
    source,
  });
}
