import type { Fact } from '../facts/define.js';
import type { SnapshotIndex } from '../facts/snapshot-index.js';
import type { Subject } from '../facts/subjects.js';

import type { TextFile } from '../snapshot/schema.js';

/** The value (or error) and the captured files read to compute it, replayed into the trace on every hit. */
type Cached = ({ value: unknown } | { error: unknown }) & { files: Set<TextFile> };

/**
 * A fact's value for a subject, computed once per snapshot and shared by every
 * rule that asks (and by evidence and message data after a rule fires).
 * Errors (MissingDataError) are cached too, so they are thrown consistently.
 */
export function factValue(fact: Fact, subject: Subject, index: SnapshotIndex): unknown {
  const target: object = fact.subject === 'Cluster' ? index.clusterSubject : subject;
  let perSubject = index.factCache.get(target);
  if (!perSubject) index.factCache.set(target, (perSubject = new Map()));
  let cached = perSubject.get(fact.id) as Cached | undefined;
  if (!cached) {
    const outer = index.trace;
    const files = new Set<TextFile>();
    index.trace = files;
    try {
      cached = { value: fact.compute(target as never, index), files };
    } catch (error) {
      cached = { error, files };
    } finally {
      index.trace = outer;
    }
    perSubject.set(fact.id, cached);
  }
  if (index.trace) for (const file of cached.files) index.trace.add(file);
  if ('error' in cached) throw cached.error;
  return cached.value;
}
