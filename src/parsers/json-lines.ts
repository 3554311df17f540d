/**
 * Where each value of a JSON text starts (its line), for a text JSON.parse has already
 * accepted: the evidence of a finding can then say "hns-networks.json line 412" without
 * reading the text a second time through the YAML reader, which costs ~50× JSON.parse
 * (a Windows node's `Get-HnsNetwork | ConvertTo-Json` is megabytes).
 *
 * One pass over the characters records only the containers (objects and arrays: where each
 * starts and ends, and on which lines), in flat columns; a container's members are read when a
 * path first goes through it, jumping over nested containers by those columns. A 2.4 MB HNS dump
 * has ~100,000 values and its parser asks for the lines of a few dozen. Keys are compared as
 * JSON.parse decodes them, and a repeated key keeps its last value, as JSON.parse does.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/** A member of a container: its line, and the container it is (-1 for a string, number, true, false or null). */
interface Member {
  line: number;
  container: number;
}

/** A column of integers that grows as the pass records containers. */
class Column {
  values = new Int32Array(64);

  set(at: number, value: number): void {
    if (at >= this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[at] = value;
  }
}

/** The containers of a JSON text, in document order (0: the root, when it is one), and their members once read. */
export class JsonLines {
  readonly #start = new Column();
  readonly #end = new Column();
  readonly #line = new Column();
  readonly #endLine = new Column();
  /** The first container after this one's subtree. */
  readonly #after = new Column();
  readonly #members = new Map<number, Member[] | Map<string, Member>>();
  /** The root value: a container, or a scalar's line. */
  root: Member = { line: 1, container: -1 };
  count = 0;

  constructor(readonly text: string) {}

  /** Records a container opening at `at` on `line`; returns its number. */
  open(at: number, line: number): number {
    const id = this.count++;
    this.#start.set(id, at);
    this.#line.set(id, line);
    return id;
  }

  /** Records that container `id` closes just before `at`, on `line`. */
  close(id: number, at: number, line: number): void {
    this.#end.set(id, at);
    this.#endLine.set(id, line);
    this.#after.set(id, this.count);
  }

  /** The members of container `id`: by index for an array, by key for an object (a repeated key: the last). */
  members(id: number): Member[] | Map<string, Member> {
    let members = this.#members.get(id);
    if (!members) this.#members.set(id, (members = this.#read(id)));
    return members;
  }

  /** One pass over a container's own characters: its nested containers are jumped over. */
  #read(id: number): Member[] | Map<string, Member> {
    const text = this.text;
    const start = this.#start.values[id]!;
    // Up to its closing bracket.
    const end = this.#end.values[id]! - 1;
    const object = text.charCodeAt(start) === 0x7b;
    const items: Member[] = [];
    const keys = new Map<string, Member>();
    let pendingKey: string | undefined;
    const place = (member: Member) => {
      if (!object) items.push(member);
      else if (pendingKey !== undefined) keys.set(pendingKey, member);
      pendingKey = undefined;
    };
    let line = this.#line.values[id]!;
    // The next container in document order is the first nested one; after a jump, the one after its subtree.
    let nested = id + 1;
    let i = start + 1;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) {
        line++;
        i++;
      } else if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x2c || c === 0x3a) {
        i++;
      } else if (c === 0x7b || c === 0x5b) {
        place({ line, container: nested });
        i = this.#end.values[nested]!;
        line = this.#endLine.values[nested]!;
        nested = this.#after.values[nested]!;
      } else if (c === QUOTE) {
        const from = i;
        const [after, escaped] = skipString(text, i);
        i = after;
        // JSON.parse accepted the text: a string in an object with no key pending is a key.
        if (object && pendingKey === undefined) {
          const raw = text.slice(from, i);
          pendingKey = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        } else place({ line, container: -1 });
      } else {
        place({ line, container: -1 });
        // At least one character on: no stray character can stop the walk.
        i = Math.max(i + 1, afterScalar(text, i));
      }
    }
    return object ? keys : items;
  }
}

/** Past the string starting at `i` (its opening quote), and whether it holds an escape. */
function skipString(text: string, i: number): [number, boolean] {
  let escaped = false;
  const n = text.length;
  i++;
  while (i < n) {
    const d = text.charCodeAt(i);
    if (d === BACKSLASH) {
      escaped = true;
      i += 2;
    } else if (d === QUOTE) break;
    else i++;
  }
  return [i + 1, escaped];
}

/** Past a number, true, false or null starting at `i`: up to the next delimiter. */
function afterScalar(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const d = text.charCodeAt(i);
    if (d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === NEWLINE || d === 0x0d || d === 0x09) break;
    i++;
  }
  return i;
}

/** The containers of `text`, or undefined when it nests deeper than `maxDepth` (or is not JSON after all). */
export function jsonLineTree(text: string, maxDepth: number): JsonLines | undefined {
  const lines = new JsonLines(text);
  const stack: number[] = [];
  let line = 1;
  let rootSeen = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      line++;
      i++;
    } else if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x2c || c === 0x3a) {
      i++;
    } else if (c === 0x7b || c === 0x5b) {
      const id = lines.open(i, line);
      if (!rootSeen) lines.root = { line, container: id };
      rootSeen = true;
      stack.push(id);
      if (stack.length > maxDepth) return undefined;
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      i++;
      const id = stack.pop();
      if (id !== undefined) lines.close(id, i, line);
    } else {
      if (!rootSeen) lines.root = { line, container: -1 };
      rootSeen = true;
      i = c === QUOTE ? skipString(text, i)[0] : afterScalar(text, i);
    }
  }
  return rootSeen ? lines : undefined;
}

/** The line of the value at `path` (keys and indexes), as the YAML reader's `lineOf` gives it. */
export function lineAt(root: JsonLines | undefined, path: readonly (string | number)[]): number | undefined {
  if (!root) return undefined;
  let member: Member | undefined = root.root;
  for (const key of path) {
    if (!member || member.container < 0) return undefined;
    const members = root.members(member.container);
    member = members instanceof Map ? members.get(String(key)) : members[Number(key)];
  }
  return member?.line;
}
