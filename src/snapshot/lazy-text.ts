import type { Diagnostic } from '../diagnostics.js';
import type { ParseResult } from '../parsers/define-parser.js';
import { SnapshotError } from '../errors.js';
import { type HeadVerdict, fileText, isPlainAscii } from './decode-text.js';
import { maskSecrets } from './mask-secrets.js';
import type { TextFile } from './schema.js';

/**
 * Node outputs at least this long are not kept in memory when the loader can read them again
 * (`SnapshotFile.readAgain`): a scale-1 capture holds 20 × ~40 MB of `iptables-save` and
 * `ipvsadm`, and most analyses read only some of them (a node in IPVS mode: its `iptables-save`
 * not at all). The same threshold as a "large" output in the parsed-output memo. A known node
 * output of at least this many bytes is not even read at load (`SnapshotFile.unread`).
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

/** What is known of a lazy file without its text. */
interface Lazy {
  /** Its text's length (of a file not read at load: once read). */
  length?: number;
  unread?: Unread;
}

const lazies = new WeakMap<TextFile, Lazy>();

/**
 * The length of a file's text without holding it (the parsed-output budget only needs its size);
 * a node output not read at load is read once to know it.
 */
export function textLength(file: TextFile): number {
  return lazies.get(file)?.length ?? file.text.length;
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
  return lazyFile(file, { length }, load, pool);
}

/** The TextFile of both kinds of lazy file: `text` from `pool` or `load`, `state` what is known without it. */
function lazyFile(file: string, state: Lazy, load: () => string, pool: TextPool): TextFile {
  const lazy: TextFile = {
    file,
    get text(): string {
      return pool.text(lazy, load);
    },
  };
  lazies.set(lazy, state);
  return lazy;
}

/** A node output the loader did not read: where to read it, and what its first bytes said. */
export interface UnreadSource {
  path: string;
  /** Its size in bytes when it was loaded. */
  size: number;
  /** What `fileText` says from the file's start (readHead); not binary. */
  head: HeadVerdict;
  readAgain: () => Uint8Array;
  /** A faster `isPlainAscii` over the whole file than reading it into memory (the Node entry's). */
  isPlainAscii?: () => boolean;
  /**
   * The parse named `command` (prepared-parses.ts) of this file, run elsewhere (the Node entry's worker)
   * on the text a first read here would give; undefined when it is not there to take, and the file is
   * then read and parsed here.
   */
  prepared?: (command: string) => PreparedParse | undefined;
}

/** What a first read of an unread node output learns, and a parse of its text, made elsewhere. */
export interface PreparedParse {
  /** The text's length (decoded, masked). */
  length: number;
  /** Whether masking changed the text. */
  masked: boolean;
  /** What decoding the whole file said (`fileText`'s diagnostics, those of its head included). */
  decoded: Diagnostic[];
  result: ParseResult<unknown>;
}

/** A first read of an unread node output: its text decoded and masked, and what that learnt. */
export interface FirstRead {
  text: string;
  /** Whether masking changed the text. */
  masked: boolean;
  /** What decoding the whole file said (`fileText`'s diagnostics, those of its head included). */
  decoded: Diagnostic[];
}

/**
 * What a first read makes of a node output's bytes, here (`Unread.read`) or in the Node entry's
 * worker (prepare-task.ts): undefined when they are not the file loaded (another size, binary now).
 * `mask: false` when an earlier read learnt that masking changes nothing.
 */
export function firstRead(bytes: Uint8Array, size: number, path: string, mask = true): FirstRead | undefined {
  const decoded: Diagnostic[] = [];
  const read = bytes.length === size ? fileText({ bytes }, path, decoded) : undefined;
  if (read === undefined) return undefined;
  const text = mask ? maskSecrets(read) : read;
  return { text, masked: text !== read, decoded };
}

/** The state of a node output not read at load; what its first read learns is kept for the next. */
class Unread {
  readonly lazy: Lazy = {};
  /** What decoding the whole file said beyond what its head said at load (`invalid-utf8`), once known. */
  decoded: Diagnostic[] | undefined;
  /** All ASCII without CR, once checked (checkedText). */
  plain: boolean | undefined;
  /** Whether masking changed its text, once read: a text with nothing to mask is not masked again. */
  #masked: boolean | undefined;

  constructor(readonly source: UnreadSource) {
    this.lazy.unread = this;
  }

  /**
   * Takes what a read elsewhere learnt (a prepared parse), as `read()` would have; false when it
   * disagrees with a read here (another length: the file changed), and then nothing is taken.
   */
  adopt(prepared: PreparedParse): boolean {
    if (this.lazy.length !== undefined && this.lazy.length !== prepared.length) return false;
    this.lazy.length = prepared.length;
    this.#masked = prepared.masked;
    const { head } = this.source;
    this.decoded ??= prepared.decoded.filter((d) => !head.diagnostics.some((h) => h.code === d.code));
    return true;
  }

  /** The text as `#addFile` would have made it at load: decoded, masked; throws when the file is not the one loaded. */
  read(): string {
    const { path, size, head, readAgain } = this.source;
    const read = firstRead(readAgain(), size, path, this.#masked !== false);
    // Binary now, or another size: the Node entry's size and mtime check did not see the change.
    if (read === undefined) throw new SnapshotError('changed', changedSinceLoad, { file: path });
    const { text } = read;
    if (this.lazy.length !== undefined && text.length !== this.lazy.length) throw new SnapshotError('changed', changedSinceLoad, { file: path });
    this.lazy.length = text.length;
    this.#masked = read.masked;
    this.decoded ??= read.decoded.filter((d) => !head.diagnostics.some((h) => h.code === d.code));
    return text;
  }
}

/**
 * A TextFile for a node output the loader did not read (`SnapshotFile.unread`): read, decoded and
 * masked when a rule first reads its `text`, then like `lazyTextFile`. What decoding the whole says
 * reaches the report through `checkedText` (the unread-file check of file-coverage.ts).
 */
export function unreadTextFile(source: UnreadSource, pool: TextPool): TextFile {
  const unread = new Unread(source);
  return lazyFile(source.path, unread.lazy, () => unread.read(), pool);
}

/**
 * The result of the parse named `command` (prepared-parses.ts) of a node output not read at load,
 * when its loader made it elsewhere; undefined to parse the file's text here.
 */
export function preparedParse(file: TextFile, command: string): ParseResult<unknown> | undefined {
  const unread = lazies.get(file)?.unread;
  const prepared = unread?.source.prepared?.(command);
  return prepared && unread!.adopt(prepared) ? prepared.result : undefined;
}

/** What the unread-file check knows of a file: its length and the diagnostics its decoding gave that loading it did not. */
export interface CheckedText {
  length: number;
  diagnostics: Diagnostic[];
}

/**
 * What the unread-file check needs of a file, holding its text no longer than that takes: its length
 * and the decoding diagnostics not yet reported. `read: false` (a file some rule read): only what its
 * read learnt, nothing when that read failed (the rule said so). Else a node output not read yet and
 * over four times `exactUpTo` bytes (UTF-8) is not read: its size stands for its length, past the
 * limit either way. A shorter one is read through once: when it is longer than `exactUpTo` bytes, all ASCII and without CR (valid UTF-8,
 * one character per byte), its length is its size — before masking, which changes it only where it
 * holds a credential — and nothing else is done; otherwise it is read as a rule reads it. Throws when
 * it cannot be read.
 */
export function checkedText(file: TextFile, options: { read: boolean; exactUpTo: number }): CheckedText {
  const lazy = lazies.get(file);
  const unread = lazy?.unread;
  if (!unread) return { length: options.read ? textLength(file) : 0, diagnostics: [] };
  if (!options.read) return { length: lazy.length ?? 0, diagnostics: unread.decoded ?? [] };
  const { size, head, isPlainAscii: plainFile, readAgain } = unread.source;
  // Past four bytes a character limit, UTF-8 text is past the limit whatever it holds (a character
  // takes at most four bytes, a CRLF two): such a file no rule read is not read at all — nothing in
  // the report comes from it, so what its decoding would say (invalid-utf8) is not looked for.
  if (lazy.length === undefined && size > 4 * options.exactUpTo && !head.utf16) return { length: size, diagnostics: [] };
  if (lazy.length === undefined && size > options.exactUpTo && !head.utf16) {
    unread.plain ??= plainFile ? plainFile() : isPlainAscii(readAgain());
    if (unread.plain) return { length: size, diagnostics: (unread.decoded ??= []) };
  }
  const length = lazy.length ?? file.text.length;
  return { length, diagnostics: unread.decoded ?? [] };
}
