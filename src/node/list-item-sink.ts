import type { Diagnostic } from '../diagnostics.js';
import type { ObjectOrigin } from '../snapshot/read-objects.js';
import { itemKindOfList, kindHintedByFileName, objectFileVerdict, takesHintedKind, typedKind } from '../snapshot/read-objects.js';
import type { Reduced } from '../snapshot/reduce-object.js';
import { type SnapshotBuilder, readObjectSafely } from '../snapshot/snapshot-builder.js';

/** Where a streamed file's objects go: the builder, or a stage that adds them to it only once the whole file was read. */
export type ObjectTarget = Pick<SnapshotBuilder, 'addObject' | 'addDiagnostics' | 'addCapturedKind' | 'addUnreadableKind'>;

/**
 * What becomes of the items of a streamed List, however they were cut (JsonListSplitter, or
 * kubectl-list-cutter.ts): the same as when the file is read whole (read-objects.ts). Untyped
 * items of an untyped List take the kind the file's name says; items of a List whose kind is
 * only known at its end wait for it; the file as a whole gets the same verdict.
 */
export class ListItemSink {
  readonly #hinted: string | undefined;
  readonly #kinds = new Set<string>();
  readonly #withoutKind: Array<{ value: unknown; index: number }> = [];
  #listKind: string | undefined;
  #listKindKnown = false;
  #offered = 0;
  #read = 0;
  #untypedByHint = 0;

  constructor(
    private readonly file: string,
    private readonly target: ObjectTarget,
  ) {
    this.#hinted = kindHintedByFileName(file);
  }

  /** Items that named no kind while the List's kind was unknown: added at the end, out of the file's order. */
  get deferred(): number {
    return this.#withoutKind.length;
  }

  /** What the verdict on the file counts of the items added so far (to add another reader's share: addTally). */
  tally(): ItemTally {
    return { offered: this.#offered, read: this.#read, untypedByHint: this.#untypedByHint, kinds: [...this.#kinds] };
  }

  /** Counts items of the same file read elsewhere (its ranges read in another thread) towards the verdict. */
  addTally(tally: ItemTally): void {
    this.#offered += tally.offered;
    this.#read += tally.read;
    this.#untypedByHint += tally.untypedByHint;
    for (const kind of tally.kinds) this.#kinds.add(kind);
  }

  /** One parsed item; `head()` is the document before its items (a typed List names its kind there), asked for once. */
  item(value: unknown, index: number, head: () => unknown): void {
    if (!this.#listKindKnown) {
      // A typed List (`kubectl get --raw`) may name its kind before the items, which then omit theirs.
      this.#listKind = itemKindOfList(typedKind(head()));
      this.#listKindKnown = true;
    }
    if (typedKind(value) === undefined && this.#listKind === undefined) this.#withoutKind.push({ value, index });
    else this.#add(value, index, this.#listKind);
  }

  /** After the last item: `doc` is the document with its items emptied, when it could be parsed. */
  finish(items: number, doc: Record<string, unknown> | undefined): void {
    const finalListKind = itemKindOfList(typedKind(doc));
    for (const { value, index } of this.#withoutKind) this.#add(value, index, finalListKind);
    // As when read whole: an empty List shows its kind was captured (a typed one says which, else the file's name).
    const emptyKind = items === 0 && doc && Array.isArray(doc.items) ? (finalListKind ?? this.#hinted) : undefined;
    if (emptyKind) {
      this.target.addCapturedKind(emptyKind);
      this.#kinds.add(emptyKind);
    }
    // Not a List after all (one huge object): it went into the skeleton whole.
    if (doc && items === 0 && !Array.isArray(doc.items)) this.#add(doc, undefined, undefined);
    const verdict = objectFileVerdict(this.file, { offered: this.#offered, read: this.#read, untypedByHint: this.#untypedByHint, capturedKinds: this.#kinds, parseFailed: !doc && items === 0 });
    this.target.addDiagnostics(...verdict.diagnostics);
    if (verdict.unreadableKind) this.target.addUnreadableKind(verdict.unreadableKind, this.file);
  }

  #add(value: unknown, index: number | undefined, listKind: string | undefined): void {
    this.#offered++;
    const hinted = this.#hinted;
    const byHint = listKind === undefined && hinted !== undefined && takesHintedKind(value);
    const kind = byHint ? hinted : listKind;
    if (this.target.addObject(value, { file: this.file, ...(kind === undefined ? {} : { listKind: kind }), ...(index === undefined ? {} : { index }) })) {
      this.#read++;
      if (byHint) this.#untypedByHint++;
      this.#kinds.add(typedKind(value) ?? (byHint ? hinted : listKind) ?? '');
    }
  }
}

export interface ItemTally {
  offered: number;
  read: number;
  untypedByHint: number;
  kinds: string[];
}

export interface StagedNotes {
  diagnostics: Diagnostic[];
  captured: string[];
  unreadable: Array<[string, string]>;
}

/** A file's objects held back until it has been read to its end, then added to the builder in order (or dropped). */
export class StagedObjects implements ObjectTarget {
  readonly #objects: Reduced[] = [];
  readonly #diagnostics: Diagnostic[] = [];
  readonly #captured: string[] = [];
  readonly #unreadable: Array<[string, string]> = [];

  addObject(raw: unknown, origin: ObjectOrigin): boolean {
    const read = readObjectSafely(raw, origin);
    if ('diagnostic' in read) {
      this.#diagnostics.push(read.diagnostic);
      return false;
    }
    this.#objects.push(read.object);
    return true;
  }

  addDiagnostics(...diagnostics: Diagnostic[]): void {
    for (const d of diagnostics) this.#diagnostics.push(d);
  }

  addCapturedKind(kind: string): void {
    this.#captured.push(kind);
  }

  addUnreadableKind(kind: string, file: string): void {
    this.#unreadable.push([kind, file]);
  }

  /** Objects read and reduced elsewhere (a worker thread), in order. */
  addReduced(objects: readonly Reduced[]): void {
    for (const object of objects) this.#objects.push(object);
  }

  /** Everything but the objects, to send across a thread: diagnostics, captured and unreadable kinds. */
  notes(): StagedNotes {
    return { diagnostics: this.#diagnostics, captured: this.#captured, unreadable: this.#unreadable };
  }

  addNotes(notes: StagedNotes): void {
    for (const d of notes.diagnostics) this.#diagnostics.push(d);
    for (const kind of notes.captured) this.#captured.push(kind);
    for (const entry of notes.unreadable) this.#unreadable.push(entry);
  }

  /** Hands the objects staged so far to `take` and forgets them (a worker posting them in batches). */
  drainObjects(take: (objects: Reduced[]) => void): void {
    if (this.#objects.length > 0) take(this.#objects.splice(0));
  }

  commitTo(builder: SnapshotBuilder): void {
    builder.addReducedObjects(this.#objects);
    // One at a time: a file can hold more diagnostics than a call takes arguments.
    for (const d of this.#diagnostics) builder.addDiagnostics(d);
    for (const kind of this.#captured) builder.addCapturedKind(kind);
    for (const [kind, file] of this.#unreadable) builder.addUnreadableKind(kind, file);
  }
}
