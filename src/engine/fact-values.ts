import type { Fact } from '../facts/define.js';
import type { SnapshotIndex } from '../facts/snapshot-index.js';
import type { Subject } from '../facts/subjects.js';

import type { TextFile } from '../snapshot/schema.js';

/** The value (or error) and the captured files read to compute it, replayed into the trace on every hit. */
type Cached = ({ value: unknown } | { error: unknown }) & { files: ReadonlySet<TextFile> };

/** Most facts read objects only: their values share one empty set instead of keeping one each (fewer objects for the GC to trace). */
const noFiles: ReadonlySet<TextFile> = new Set();

/**
 * The trace set of a computation that read no file is empty when it ends: it serves the next one instead
 * of a new set per computed value (a nested computation takes a new one, as the scratch set is in use).
 */
let scratch: Set<TextFile> | undefined;

/**
 * A fact's value for a subject, computed once per snapshot and shared by every
 * rule that asks (and by evidence and message data after a rule fires).
 * Errors (MissingDataError) are cached too, so they are thrown consistently.
 * No closure or set is made per call: this runs once per condition of every engine run.
 */
export function factValue(fact: Fact, subject: Subject, index: SnapshotIndex): unknown {
  const target: object = fact.subject === 'Cluster' ? index.clusterSubject : subject;
  let perSubject = index.factCache.get(target);
  if (!perSubject) index.factCache.set(target, (perSubject = new Map()));
  let cached = perSubject.get(fact.id) as Cached | undefined;
  if (!cached) cached = compute(fact, target, index, perSubject);
  const trace = index.trace;
  if (trace && cached.files !== noFiles) for (const file of cached.files) trace.add(file);
  if ('error' in cached) throw cached.error;
  return cached.value;
}

function compute(fact: Fact, target: object, index: SnapshotIndex, perSubject: Map<string, unknown>): Cached {
  const outer = index.trace;
  const read = scratch ?? new Set<TextFile>();
  scratch = undefined;
  index.trace = read;
  let cached: Cached;
  try {
    cached = { value: fact.compute(target as never, index), files: read };
  } catch (error) {
    cached = { error, files: read };
  } finally {
    index.trace = outer;
  }
  if (read.size === 0) {
    cached.files = noFiles;
    scratch = read;
  }
  perSubject.set(fact.id, cached);
  return cached;
}
