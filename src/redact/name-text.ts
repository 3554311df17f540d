import { isCloudId } from './name-pseudonyms.js';

/** What the rewriting asks of the names: a pseudonym per token, and which tokens are node names. */
export interface NameLookup {
  lookup(token: string): string | undefined;
  isNode(token: string): boolean;
}

/**
 * Rewrites registered names and cloud ids wherever they stand as a token: in object
 * fields and label values, `nodes/<node>/…` paths, iptables comments (`/* ns/svc:port *\/`),
 * ipvsadm, HNS JSON, logs, DNS names (`web.default.svc.cluster.local`, each dotted
 * part looked up, longest first). A token is a run of `[A-Za-z0-9_.-]`; a name inside
 * a longer run is not touched (`web` in `web-frontend`), except a node name at the end
 * of a component's name (`kube-apiserver-<node>`, static pods). Map keys (`"web":`,
 * `web:` at the start of a YAML line) are field names, not names, and stay.
 */
const runs = /[A-Za-z0-9_][A-Za-z0-9_.-]*/g;

/** Runs repeat (`metadata`, a namespace in every object): each is looked up once per set of names. */
const runMemo = new WeakMap<NameLookup, Map<string, { text: string; count: number } | null>>();

export function rewriteNames(text: string, names: NameLookup, record: (original: string, pseudonym: string) => void, skipMapKeys = true): { text: string; count: number } {
  let count = 0;
  let out = '';
  let last = 0;
  runs.lastIndex = 0;
  for (let match = runs.exec(text); match !== null; match = runs.exec(text)) {
    let start = match.index;
    let run = match[0];
    // Inside a JSON string, `\n10.0.0.1` or `\nweb`: the escape's letter is not part of the token.
    if (text[start - 1] === '\\' && /^[ntr]/.test(run)) {
      run = run.slice(1);
      start++;
    }
    run = run.replace(/[.-]+$/, '');
    if (run.length < 3 || (skipMapKeys && isMapKey(text, start, run.length))) continue;
    let memo = runMemo.get(names);
    if (!memo) runMemo.set(names, (memo = new Map()));
    let rewritten = memo.get(run);
    if (rewritten === undefined) {
      // Recorded once, at the first sight of a run: the mapping of a token never changes.
      rewritten = rewriteRun(run, names, record) ?? null;
      memo.set(run, rewritten);
    }
    if (rewritten === null) continue;
    out += text.slice(last, start) + rewritten.text;
    last = start + run.length;
    count += rewritten.count;
  }
  return count === 0 ? { text, count } : { text: out + text.slice(last), count };
}

function rewriteRun(run: string, names: NameLookup, record: (original: string, pseudonym: string) => void): { text: string; count: number } | undefined {
  const whole = names.lookup(run);
  if (whole !== undefined) {
    record(run, whole);
    return { text: whole, count: 1 };
  }
  if (!run.includes('.') && !run.includes('-')) return undefined;
  const parts = run.split('.');
  const out: string[] = [];
  let count = 0;
  for (let start = 0; start < parts.length; ) {
    let found = false;
    for (let end = parts.length; end > start; end--) {
      const candidate = parts.slice(start, end).join('.');
      const pseudonym = candidate === run ? undefined : names.lookup(candidate);
      if (pseudonym === undefined) continue;
      record(candidate, pseudonym);
      out.push(pseudonym);
      count++;
      start = end;
      found = true;
      break;
    }
    if (found) continue;
    const tail = rewriteDashTail(parts[start]!, names, record);
    if (tail !== undefined) count++;
    out.push(tail ?? parts[start]!);
    start++;
  }
  return count === 0 ? undefined : { text: out.join('.'), count };
}

/** `kube-apiserver-<node>`, `tencent-security-groups-clb-sg-9x2kd0aw`: the longest dash-separated tail that is a node's name or a cloud id. */
function rewriteDashTail(part: string, names: NameLookup, record: (original: string, pseudonym: string) => void): string | undefined {
  for (let index = part.indexOf('-'); index !== -1; index = part.indexOf('-', index + 1)) {
    const tail = part.slice(index + 1);
    if (tail.length < 3) return undefined;
    const pseudonym = names.isNode(tail) || isCloudId(tail) ? names.lookup(tail) : undefined;
    if (pseudonym !== undefined) {
      record(tail, pseudonym);
      return `${part.slice(0, index + 1)}${pseudonym}`;
    }
  }
  return undefined;
}

function isMapKey(text: string, start: number, length: number): boolean {
  const after = text.slice(start + length, start + length + 4);
  if (text[start - 1] === '"' && /^"\s*:/.test(after)) return true;
  if (!/^:(?:\s|$)/.test(after)) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return /^\s*(?:-\s+)?$/.test(text.slice(lineStart, start));
}
