import type { Fact } from '../facts/define.js';
import type { SnapshotIndex } from '../facts/snapshot-index.js';
import type { Subject } from '../facts/subjects.js';

import type { TextFile } from '../snapshot/schema.js';

/**
 * A value that read captured files (replayed into the trace on every hit), an error (MissingDataError), or
 * undefined. Any other value is cached as it is: most facts read objects only, and one box per value would be
 * one more object per subject and fact for the garbage collector to trace.
 */
class Boxed {
  constructor(
    readonly files: ReadonlySet<TextFile>,
    readonly value: unknown,
    readonly error?: { thrown: unknown },
  ) {}
}

/**
 * The trace set of a computation that read no file is empty when it ends: it serves the next one instead
 * of a new set per computed value (a nested computation takes a new one, as the scratch set is in use).
 */
let scratch: Set<TextFile> | undefined;

/**
 * A fact's value for a subject, computed once per snapshot and shared by every
 * rule that asks (and by evidence and message data after a rule fires).
 * Errors (MissingDataError) are cached too, so they are thrown consistently.
 * No closure, set or map is made per call or per subject: this runs for each condition of every engine run.
 */
export function factValue(fact: Fact, subject: Subject, index: SnapshotIndex): unknown {
  const target: object = fact.subject === 'Cluster' ? index.clusterSubject : subject;
  let perFact = index.factCache.get(fact.id);
  if (!perFact) index.factCache.set(fact.id, (perFact = new Map()));
  let cached = perFact.get(target);
  if (cached === undefined) cached = compute(fact, target, index, perFact);
  if (!(cached instanceof Boxed)) return cached;
  const trace = index.trace;
  if (trace) for (const file of cached.files) trace.add(file);
  if (cached.error) throw cached.error.thrown;
  return cached.value;
}

const noFiles: ReadonlySet<TextFile> = new Set();

function compute(fact: Fact, target: object, index: SnapshotIndex, perFact: Map<object, unknown>): unknown {
  const outer = index.trace;
  const read = scratch ?? new Set<TextFile>();
  scratch = undefined;
  index.trace = read;
  let cached: unknown;
  try {
    const value = fact.compute(target as never, index);
    cached = read.size > 0 || value === undefined || value instanceof Boxed ? new Boxed(read, value) : value;
  } catch (thrown) {
    cached = new Boxed(read, undefined, { thrown });
  } finally {
    index.trace = outer;
  }
  if (read.size === 0) {
    if (cached instanceof Boxed) cached = new Boxed(noFiles, cached.value, cached.error);
    scratch = read;
  }
  perFact.set(target, cached);
  return cached;
}
