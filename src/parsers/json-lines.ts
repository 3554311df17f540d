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

/** The containers of a JSON text, in document order (0: the root, when it is one), and their members once read. */
export class JsonLines {
  // Small-integer arrays: a typed array per column would cost a small document more than its tree did.
  readonly #start: number[] = [];
  readonly #end: number[] = [];
  readonly #line: number[] = [];
  readonly #endLine: number[] = [];
  /** The first container after this one's subtree. */
  readonly #after: number[] = [];
  #members: Map<number, Member[] | Map<string, Member>> | undefined;
  /** The root value: a container, or a scalar's line. */
  root: Member = { line: 1, container: -1 };
  count = 0;

  constructor(readonly text: string) {}

  /** Records a container opening at `at` on `line`; returns its number. */
  open(at: number, line: number): number {
    const id = this.count++;
    this.#start.push(at);
    this.#line.push(line);
    this.#end.push(0);
    this.#endLine.push(0);
    this.#after.push(0);
    return id;
  }

  /** Records that container `id` closes just before `at`, on `line`. */
  close(id: number, at: number, line: number): void {
    this.#end[id] = at;
    this.#endLine[id] = line;
    this.#after[id] = this.count;
  }

  /** The members of container `id`: by index for an array, by key for an object (a repeated key: the last). */
  members(id: number): Member[] | Map<string, Member> {
    this.#members ??= new Map();
    let members = this.#members.get(id);
    if (!members) this.#members.set(id, (members = this.#read(id)));
    return members;
  }

  /** One pass over a container's own characters: its nested containers are jumped over. */
  #read(id: number): Member[] | Map<string, Member> {
    const text = this.text;
    const start = this.#start[id]!;
    // Up to its closing bracket.
    const end = this.#end[id]! - 1;
    const object = text.charCodeAt(start) === 0x7b;
    const items: Member[] = [];
    const keys = new Map<string, Member>();
    let pendingKey: string | undefined;
    const place = (member: Member) => {
      if (!object) items.push(member);
      else if (pendingKey !== undefined) keys.set(pendingKey, member);
      pendingKey = undefined;
    };
    let line = this.#line[id]!;
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
        i = this.#end[nested]!;
        line = this.#endLine[nested]!;
        nested = this.#after[nested]!;
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
