import type { TextFile } from './schema.js';

/**
 * Node outputs at least this long are not kept in memory when the loader can read them again
 * (`SnapshotFile.readAgain`): a scale-1 capture holds 20 × ~40 MB of `iptables-save` and
 * `ipvsadm`, and most analyses read only some of them (a node in IPVS mode: its `iptables-save`
 * not at all). The same threshold as a "large" output in the parsed-output memo.
 */
export const lazyTextMinChars = 1024 * 1024;

/**
 * Texts read again stay while they add up to at most this many characters, least recently used
 * leaving first: a fact that reads a file several times in a row (a parse after a quick test)
 * reads it from the source once.
 */
export const textPoolBudgetChars = 64 * 1024 * 1024;

/** What reading a lazy file again says when the file is no longer the one loaded. */
export const changedSinceLoad = 'file changed since the snapshot was loaded; load the snapshot again';

const lengths = new WeakMap<TextFile, number>();

/**
 * The length of a file's text without reading it again (the unread-file check and the
 * parsed-output budget only need its size).
 */
export function textLength(file: TextFile): number {
  return lengths.get(file) ?? file.text.length;
}

/** The texts of one snapshot's lazy files that are held, within a budget. */
export class TextPool {
  readonly #held = new Map<TextFile, string>();
  #chars = 0;

  constructor(readonly budgetChars = textPoolBudgetChars) {}

  text(file: TextFile, load: () => string): string {
    const held = this.#held.get(file);
    if (held !== undefined) {
      this.#held.delete(file);
      this.#held.set(file, held);
      return held;
    }
    const text = load();
    // A text larger than the whole budget is read each time, and makes no other leave.
    if (text.length > this.budgetChars) return text;
    for (const [old, oldText] of this.#held) {
      if (this.#chars + text.length <= this.budgetChars) break;
      this.#held.delete(old);
      this.#chars -= oldText.length;
    }
    this.#held.set(file, text);
    this.#chars += text.length;
    return text;
  }
}

/**
 * A TextFile whose `text` is produced by `load` when read (and then kept in `pool` while recently
 * used) instead of being held for the snapshot's lifetime. `load` must give the text the file had
 * when it was loaded, `length` characters, or throw; the object reads like any other TextFile
 * (`text` is an enumerable property, so JSON and equality see the text).
 */
export function lazyTextFile(file: string, length: number, load: () => string, pool: TextPool): TextFile {
  const lazy: TextFile = {
    file,
    get text(): string {
      return pool.text(lazy, load);
    },
  };
  lengths.set(lazy, length);
  return lazy;
}
