/**
 * Where each value of a JSON text starts (its line), for a text JSON.parse has already
 * accepted: the evidence of a finding can then say "hns-networks.json line 412" without
 * reading the text a second time through the YAML reader, which costs ~50× JSON.parse
 * (a Windows node's `Get-HnsNetwork | ConvertTo-Json` is megabytes).
 *
 * One pass over the characters, no recursion (an explicit stack); keys are compared as
 * JSON.parse decodes them, and a repeated key keeps its last value, as JSON.parse does.
 */
export interface JsonLineNode {
  line: number;
  keys?: Map<string, JsonLineNode>;
  items?: JsonLineNode[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/** The line tree of `text`, or undefined when it nests deeper than `maxDepth` (or is not JSON after all). */
export function jsonLineTree(text: string, maxDepth: number): JsonLineNode | undefined {
  let line = 1;
  let i = 0;
  const n = text.length;
  const stack: JsonLineNode[] = [];
  let pendingKey: string | undefined;
  let root: JsonLineNode | undefined;
  // Attach a value starting now to the container on top of the stack.
  const place = (node: JsonLineNode) => {
    const parent = stack[stack.length - 1];
    if (!parent) root = node;
    else if (parent.items) parent.items.push(node);
    else if (pendingKey !== undefined) parent.keys!.set(pendingKey, node);
    pendingKey = undefined;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      line++;
      i++;
    } else if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x2c) {
      i++;
    } else if (c === 0x7b || c === 0x5b) {
      const node: JsonLineNode = c === 0x7b ? { line, keys: new Map() } : { line, items: [] };
      place(node);
      stack.push(node);
      if (stack.length > maxDepth) return undefined;
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      i++;
    } else if (c === QUOTE) {
      const start = i;
      let escaped = false;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) {
          escaped = true;
          i += 2;
        } else if (d === QUOTE) break;
        else i++;
      }
      i++;
      // JSON.parse accepted the text: a string in an object with no key pending is a key.
      const parent = stack[stack.length - 1];
      if (parent?.keys !== undefined && pendingKey === undefined) {
        const raw = text.slice(start, i);
        pendingKey = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      } else place({ line });
    } else if (c === 0x3a) {
      i++;
    } else {
      // A number, true, false or null: up to the next delimiter.
      place({ line });
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === NEWLINE || d === 0x0d || d === 0x09) break;
        i++;
      }
    }
  }
  return root;
}

/** The line of the value at `path` (keys and indexes), as the YAML reader's `lineOf` gives it. */
export function lineAt(root: JsonLineNode | undefined, path: readonly (string | number)[]): number | undefined {
  let node = root;
  for (const key of path) {
    if (!node) return undefined;
    node = node.keys ? node.keys.get(String(key)) : node.items ? node.items[Number(key)] : undefined;
  }
  return node?.line;
}
