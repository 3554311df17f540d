/**
 * What a worker thread does with a whole streamed object file (file-in-worker.ts): cut it at
 * kubectl's item boundaries (kubectl-list-cutter.ts), reduce each item, and post the reduced
 * objects in batches as JSON strings — the main thread parses a string of reduced objects in a
 * fraction of what a structured clone of them costs it, and the worker's heap stays small; values
 * repeated across objects cross once (shared-values.ts).
 * With `chunks`, it reads only the front of the file: the main thread takes chunks from the end
 * (item-chunks.ts), and the worker stops where they begin. Kept apart from the thread so it can be
 * tested in-thread.
 */
import type { Reduced } from '../snapshot/reduce-object.js';
import { ItemChunks } from './item-chunks.js';
import { cutKubectlList } from './kubectl-list-cutter.js';
import { type ItemTally, ListItemSink, type StagedNotes, StagedObjects } from './list-item-sink.js';
import { SharedValueEncoder } from './shared-values.js';

export interface FileTask {
  kind: 'file';
  /** Where to read it. */
  path: string;
  /** Its path in the snapshot. */
  file: string;
  /** Read it only if its items can be added in the file's order (a file the load would otherwise read whole). */
  inFileOrder?: boolean;
  /** Shared with a reader from the end (ItemChunks): read only the chunks claimed from the front. */
  chunks?: { shared: SharedArrayBuffer; chunkBytes: number };
}

/** Where the worker stopped because the rest was the other reader's: items read, and what the file's verdict counts of them. */
export interface StoppedAt {
  items: number;
  tally: ItemTally;
}

/** `json`: the objects, their repeated fields as numbers; `shared`: the values first seen in them (shared-values.ts). */
export type FileMessage = { kind: 'objects'; json: string; shared: string } | ({ kind: 'done'; ok: true; stopped?: StoppedAt } & StagedNotes) | { kind: 'done'; ok: false };

/**
 * Objects per message: 50–100 KB of JSON for pods, under V8's large-object size (128 KiB), so neither
 * the worker's string nor its copy in the main thread takes fresh pages of large-object space
 * (2,000 a message: 13–21 % more minor page faults over the load at scale 0.5).
 */
const batchSize = 100;

export async function runFileTask(task: FileTask, post: (message: FileMessage) => void): Promise<void> {
  const staged = new StagedObjects();
  const encoder = new SharedValueEncoder();
  const sendObjects = (objects: Reduced[]) => {
    for (const object of objects) encoder.encode(object as unknown as Record<string, unknown>);
    const json = JSON.stringify(objects);
    post({ kind: 'objects', json, shared: encoder.takeFresh() });
  };
  let count = 0;
  const batching = {
    addObject: (raw: unknown, origin: Parameters<StagedObjects['addObject']>[1]) => {
      const added = staged.addObject(raw, origin);
      if (added && ++count % batchSize === 0) staged.drainObjects(sendObjects);
      return added;
    },
    addDiagnostics: staged.addDiagnostics.bind(staged),
    addCapturedKind: staged.addCapturedKind.bind(staged),
    addUnreadableKind: staged.addUnreadableKind.bind(staged),
  };
  const sink = new ListItemSink(task.file, batching);
  let stopped: StoppedAt | undefined;
  const owned = task.chunks ? new ItemChunks(task.chunks.shared, task.chunks.chunkBytes).front() : undefined;
  let ok = false;
  try {
    ok = await cutKubectlList(task.path, sink, { inFileOrder: task.inFileOrder ?? false, ...(owned ? { owned, onStop: (items) => (stopped = { items, tally: sink.tally() }) } : {}) });
  } catch {
    ok = false;
  }
  if (!ok) return post({ kind: 'done', ok: false });
  staged.drainObjects(sendObjects);
  post({ kind: 'done', ok: true, ...staged.notes(), ...(stopped ? { stopped } : {}) });
}
