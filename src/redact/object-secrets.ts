import { maskSecrets, redacted } from '../snapshot/mask-secrets.js';

/**
 * Credentials in Kubernetes object files, removed from the text itself (the copy is
 * shared; masking while loading, as `analyze` does, is not enough): Secret `data` /
 * `stringData` values, the `kubectl.kubernetes.io/last-applied-configuration`
 * annotation (a Secret's whole data when applied with kubectl), container `env`
 * values, and every credential `maskSecrets` finds (Terway's `eni_conf`
 * `access_key`/`access_secret`, `--token=…` in args). Every line stays where it was,
 * so evidence lines on the copy are the original's.
 */
export type MaskedKind = 'secret-data' | 'last-applied-configuration' | 'env-value' | 'credential' | 'cloud-account-id';

export interface MaskedText {
  text: string;
  masked: Partial<Record<MaskedKind, number>>;
}

const maxDepth = 256;
const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';
const containerLists = new Set(['containers', 'initContainers', 'ephemeralContainers']);

export function maskObjectFile(text: string): MaskedText {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = maskJson(text);
    if (json) return json;
  }
  return maskYaml(text);
}

function count(masked: MaskedText['masked'], kind: MaskedKind, by = 1): void {
  masked[kind] = (masked[kind] ?? 0) + by;
}

function maskJson(text: string): MaskedText | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const masked: MaskedText['masked'] = {};
  const replacements = new Map<string, string>();
  const decoded = new Map<string, string>();
  const replace = (original: string, next: string, kind: MaskedKind): void => {
    if (original === next) return;
    replacements.set(JSON.stringify(original), JSON.stringify(next));
    decoded.set(original, next);
    count(masked, kind);
  };
  const walk = (node: unknown, key: string | undefined, parent: Record<string, unknown> | undefined, depth = 0): void => {
    if (typeof node === 'string') return replace(node, maskSecrets(node), 'credential');
    // The loader refuses deeper text (structured-text.ts); so does this walk, rather than exhaust the stack.
    if (depth > maxDepth) throw new RangeError(`nested deeper than ${maxDepth} levels`);
    if (Array.isArray(node)) return node.forEach((item) => walk(item, key, parent, depth + 1));
    if (node === null || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    if (object.kind === 'Secret') for (const field of ['data', 'stringData']) maskValues(object[field], (v) => replace(v, redacted, 'secret-data'));
    const annotations = (object.metadata as { annotations?: Record<string, unknown> } | undefined)?.annotations;
    if (annotations && typeof annotations[lastApplied] === 'string') replace(annotations[lastApplied], redacted, 'last-applied-configuration');
    if (key !== undefined && containerLists.has(key) && parent) {
      const env = (object as { env?: unknown }).env;
      if (Array.isArray(env)) for (const entry of env) if (entry && typeof (entry as { value?: unknown }).value === 'string') replace((entry as { value: string }).value, redacted, 'env-value');
    }
    for (const [childKey, child] of Object.entries(object)) walk(child, childKey, object, depth + 1);
  };
  walk(value, undefined, undefined);
  let out = text;
  // Longest first: one encoded string inside another is then already replaced.
  for (const [from, to] of [...replacements].sort((a, b) => b[0].length - a[0].length)) {
    const asKubectl = from.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
    out = out.split(from).join(to).split(asKubectl).join(to);
  }
  // A writer that escapes otherwise (`\/`, `\u00e9`) leaves a value unreplaced: then the file is written
  // anew from the parsed value, masked (its lines may move; nothing unmasked may stay).
  if (decoded.size > 0 && someString(JSON.parse(out), (v) => decoded.has(v))) {
    const indent = /\n( +|\t)"/.exec(text)?.[1] ?? 2;
    out = JSON.stringify(mapStrings(value, (v) => decoded.get(v) ?? v), null, indent) + (text.endsWith('\n') ? '\n' : '');
  }
  return { text: out, masked };
}

function someString(node: unknown, test: (value: string) => boolean): boolean {
  if (typeof node === 'string') return test(node);
  if (node === null || typeof node !== 'object') return false;
  return Object.values(node).some((child) => someString(child, test));
}

function mapStrings(node: unknown, map: (value: string) => string): unknown {
  if (typeof node === 'string') return map(node);
  if (Array.isArray(node)) return node.map((child) => mapStrings(child, map));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, mapStrings(child, map)]));
}

function maskValues(map: unknown, each: (value: string) => void): void {
  if (map && typeof map === 'object' && !Array.isArray(map)) for (const v of Object.values(map)) if (typeof v === 'string') each(v);
}

/**
 * YAML, line by line: in a `kind: Secret` document the values under `data:` /
 * `stringData:`; the last-applied annotation's value (and its block lines); `value:`
 * lines inside an `env:` block. Block lines become `redacted` at their indentation.
 */
function maskYaml(text: string): MaskedText {
  const masked: MaskedText['masked'] = {};
  const lines = maskSecrets(text).split('\n');
  if (lines.join('\n') !== text) count(masked, 'credential');
  const documents: number[][] = [[]];
  lines.forEach((line, index) => (/^---/.test(line) ? documents.push([]) : documents.at(-1)!.push(index)));
  for (const indexes of documents) {
    const isSecret = indexes.some((i) => /^kind:\s*["']?Secret["']?\s*$/.test(lines[i]!));
    let block: { indent: number; kind: MaskedKind; mode: 'values' | 'env' | 'all' } | undefined;
    for (const i of indexes) {
      const line = lines[i]!;
      const indent = line.length - line.trimStart().length;
      if (block && line.trim() !== '' && indent <= block.indent && !(block.mode === 'env' && /^\s*-\s/.test(line) && indent === block.indent)) block = undefined;
      if (block) {
        if (line.trim() === '') continue;
        if (block.mode === 'all') {
          lines[i] = `${' '.repeat(indent)}redacted`;
          count(masked, block.kind);
        } else if (block.mode === 'values') {
          const m = /^(\s*["']?[^:"']+["']?:\s*)(.*)$/.exec(line);
          if (m && m[2] !== '') {
            lines[i] = `${m[1]}${redacted}`;
            count(masked, block.kind);
          } else if (!m) lines[i] = `${' '.repeat(indent)}redacted`;
        } else {
          const m = /^(\s*(?:-\s+)?value:\s*)(\S.*)$/.exec(line);
          if (m) {
            lines[i] = `${m[1]}${redacted}`;
            count(masked, 'env-value');
          }
        }
        continue;
      }
      if (isSecret && /^(?:data|stringData):\s*$/.test(line)) block = { indent, kind: 'secret-data', mode: 'values' };
      const flow = isSecret ? /^((?:data|stringData):\s*\{)(.*)(\}\s*)$/.exec(line) : null;
      if (flow) {
        // `data: {password: eHl6, user: YQ==}`: every value, keys kept.
        const values = flow[2]!.replace(/([^,{}:\s][^,{}:]*:\s*)([^,{}]+)/g, (_, k: string) => `${k}${redacted}`);
        lines[i] = `${flow[1]}${values}${flow[3]}`;
        count(masked, 'secret-data');
      }
      const annotation = /^(\s*["']?kubectl\.kubernetes\.io\/last-applied-configuration["']?:\s*)(.*)$/.exec(line);
      if (annotation) {
        lines[i] = `${annotation[1]}${/^[|>]/.test(annotation[2]!) ? annotation[2] : redacted}`;
        count(masked, 'last-applied-configuration');
        if (/^[|>]/.test(annotation[2]!)) block = { indent, kind: 'last-applied-configuration', mode: 'all' };
      }
      if (/^\s*(?:-\s+)?env:\s*$/.test(line)) block = { indent, kind: 'env-value', mode: 'env' };
    }
  }
  return { text: lines.join('\n'), masked };
}

/** Cloud account numbers and request ids in vendor CLI JSON (`OwnerId`, `Uin`, `AppId`, `RequestId` …): a keyed pseudonym of the same shape. */
export function maskCloudAccounts(text: string, pseudonym: (value: string) => string): MaskedText {
  const masked: MaskedText['masked'] = {};
  const out = text.replace(/("(?:OwnerId|OwnerAccount|AccountId|Uin|AppId|RequestId|ResourceGroupId|UserId|AliUid)"\s*:\s*"?)([^",}\s]+)/g, (_, before: string, value: string) => {
    count(masked, 'cloud-account-id');
    return before + pseudonym(value);
  });
  return { text: out, masked };
}
