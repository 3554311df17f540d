import type { Fact } from '../facts/define.js';
import type { SnapshotIndex } from '../facts/snapshot-index.js';
import type { Subject } from '../facts/subjects.js';

import type { TextFile } from '../snapshot/schema.js';

/** The value (or error) and the captured files read to compute it, replayed into the trace on every hit. */
type Cached = ({ value: unknown } | { error: unknown }) & { files: ReadonlySet<TextFile> };

/** Most facts read objects only: their values share one empty set instead of keeping one each (fewer objects for the GC to trace). */
const noFiles: ReadonlySet<TextFile> = new Set();

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
    const read = new Set<TextFile>();
    index.trace = read;
    const files = () => (read.size === 0 ? noFiles : read);
    try {
      cached = { value: fact.compute(target as never, index), files: files() };
    } catch (error) {
      cached = { error, files: files() };
    } finally {
      index.trace = outer;
    }
    perSubject.set(fact.id, cached);
  }
  if (index.trace) for (const file of cached.files) index.trace.add(file);
  if ('error' in cached) throw cached.error;
  return cached.value;
}
