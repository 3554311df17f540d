/**
 * Credentials hide in captures outside Secrets: Terway's eni_conf (`access_key`,
 * `access_secret`), `kubectl.kubernetes.io/last-applied-configuration` (a Secret's
 * whole data when it was applied with kubectl), command lines (`--token=…`,
 * `https://user:password@host`) and log lines. Their values are replaced with
 * `<redacted>` as the snapshot is built, so no fact, finding, diagnostic or report
 * can carry them. Text keeps its lines and the key names (a fact may ask whether a
 * key is set), only values change.
 */
export const redacted = '<redacted>';

/** Names of settings whose value is a credential: access_key, accessKeySecret, --token, password, client-secret … */
const secretName = String.raw`[A-Za-z0-9_.-]*(?:access[_-]?key(?:[_-]?(?:id|secret))?|access[_-]?secret|secret[_-]?(?:access[_-]?)?key|client[_-]?secret|password|passwd|pwd|token|api[_-]?key|credentials?|private[_-]?key)[A-Za-z0-9_.-]*`;

/** `"access_key": "v"`, `access_key: v`, `--token=v`, `password=v`, `token v`-free forms; the value is group 4. */
const assignment = new RegExp(String.raw`(["']?)(${secretName})\1(\s*[:=]\s*)("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s,;}\]"']+)`, 'gi');
/** `--token abc` (a flag and its value as separate words). */
const flagWord = new RegExp(String.raw`(--${secretName})(\s+)(?!-)([^\s"']+)`, 'gi');
/** `scheme://user:password@host`. */
const urlPassword = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"']+:)([^\s/@"']+)(@)/gi;
/** `Authorization: Bearer abc`, `Basic abc`. */
const bearer = /\b(Bearer|Basic)(\s+)([A-Za-z0-9._~+/=-]{8,})/g;

/** The words one of the expressions needs; and a URL with a password, which needs `://`. */
const secretWords = 'access|secret|passw|pwd|token|credential|private|api[_-]?key|bearer|basic';
const quick = new RegExp(String.raw`${secretWords}|:\/\/[^\s/@]+:[^\s/@]+@`, 'i');

/** Texts longer than this are masked window by window (below): a 35 MB iptables-save has a handful of lines to look at. */
const windowedFrom = 64 * 1024;
/** `quick` without the `i` flag, run over the lower-cased text: V8 matches it in half the time (both halves measured on a 40 MB node output). */
const quickLower = new RegExp(quick.source, 'g');
/**
 * `quick`'s alternatives but the URL's, whose every match holds `://`: over a text without `://` it finds
 * what `quick` finds, and V8 runs it over the text as it is as fast as `quickLower` over a lower-cased
 * copy (a text's worth of characters less to make; the URL alternative starts with `:`, which every
 * `address:port` of a node output holds).
 */
const quickWords = new RegExp(secretWords, 'gi');

/** The text with every credential value replaced by `<redacted>`; unchanged (same string) when there is none. */
export function maskSecrets(text: string): string {
  if (text.length >= windowedFrom) return maskWindows(text);
  return quick.test(text) ? maskWhole(text) : text;
}

/**
 * The same result as masking the whole text, with the regular expressions run only over windows
 * around the lines `quick` matches. Every match of them starts on such a line (a credential's name,
 * `--token`, a URL password, `Bearer`) and may go on only across whitespace to a `:`/`=` and to
 * its value, so past that line it reaches at most the next two lines that are not blank: a window
 * runs from the start of the line to the end of the second non-blank line after it. Windows that
 * touch are merged. On a large node output this is the difference between seconds and nothing
 * (the expressions try every position of the text).
 */
function maskWindows(text: string): string {
  const pieces: string[] = [];
  let done = 0;
  let windowStart = -1;
  let windowEnd = -1;
  const flush = () => {
    if (windowStart < 0) return;
    const window = text.slice(windowStart, windowEnd);
    const masked = maskWhole(window);
    // Nothing to mask here (a chain hash that spells PWD): no copy of the text for it.
    if (masked !== window) {
      pieces.push(text.slice(done, windowStart), masked);
      done = windowEnd;
    }
    windowStart = -1;
  };
  // Without `://` (a node output of addresses and ports, nearly always) the words alone are looked for, in
  // the text as it is. Else the lower-cased text matches `quick` on the same lines: `i` (without `u`) pairs
  // ASCII letters only with ASCII letters, and only the Kelvin sign lower-cases to one (a line more, never
  // one less). A text whose length changes (U+0130 becomes two characters) would shift every position: it
  // is scanned as it is.
  const lower = text.includes('://') ? text.toLowerCase() : undefined;
  const scanned = lower?.length === text.length ? lower : text;
  const scan = lower === undefined ? quickWords : scanned === lower ? quickLower : new RegExp(quick.source, 'gi');
  scan.lastIndex = 0;
  for (let m = scan.exec(scanned); m !== null; m = scan.exec(scanned)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const end = afterNonBlankLines(text, m.index, 2);
    if (windowStart >= 0 && lineStart > windowEnd) flush();
    if (windowStart < 0) windowStart = lineStart;
    windowEnd = Math.max(windowEnd, end);
    // Later matches on this line add nothing; those on the lines after still widen the window.
    const lineEnd = text.indexOf('\n', m.index);
    scan.lastIndex = lineEnd === -1 ? text.length : lineEnd;
  }
  flush();
  if (pieces.length === 0) return text;
  pieces.push(text.slice(done));
  return pieces.join('');
}

/** Where the `count`-th line after the one holding `at` that is not blank ends (before its newline), or the text's end. */
function afterNonBlankLines(text: string, at: number, count: number): number {
  let newline = text.indexOf('\n', at);
  for (let seen = 0; newline !== -1; ) {
    const next = text.indexOf('\n', newline + 1);
    const lineEnd = next === -1 ? text.length : next;
    if (/\S/.test(text.slice(newline + 1, lineEnd)) && ++seen === count) return lineEnd;
    if (next === -1) return text.length;
    newline = next;
  }
  return text.length;
}

/** maskSecrets without the windows: every expression over the whole text (the reference the windows must equal). */
export function maskWhole(text: string): string {
  return text
    .replace(assignment, (whole, q: string, name: string, sep: string, value: string) => {
      if (value === redacted || value === `"${redacted}"` || /^(?:""|''|true|false|null|\d{1,5})$/i.test(value)) return whole;
      const quote = value.startsWith('"') ? '"' : value.startsWith("'") ? "'" : '';
      return `${q}${name}${q}${sep}${quote}${redacted}${quote}`;
    })
    .replace(flagWord, (_, flag: string, space: string) => `${flag}${space}${redacted}`)
    .replace(urlPassword, (_, before: string, __: string, at: string) => `${before}${redacted}${at}`)
    .replace(bearer, (_, kind: string, space: string) => `${kind}${space}${redacted}`);
}

/** Annotations whose value is a copy of the object as applied: for a Secret, its data. */
const copiedObjectAnnotations = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

const secretKey = new RegExp(`^${secretName}$`, 'i');

/** Annotations and ConfigMap data with credential values masked (values of copied-object annotations dropped). */
export function maskStringMap(map: Record<string, string>, annotations = false): Record<string, string> {
  let out: Record<string, string> | undefined;
  for (const [key, value] of Object.entries(map)) {
    const masked = annotations && copiedObjectAnnotations.has(key) ? redacted : secretKey.test(key) ? redacted : maskSecrets(value);
    if (masked !== value) (out ??= { ...map })[key] = masked;
  }
  return out ?? map;
}

/** A reduced object with credential values masked in its annotations, ConfigMap data and Event message. */
export function maskObject<T extends { kind: string; annotations?: Record<string, string>; data?: Record<string, string>; message?: string }>(object: T): T {
  if (object.annotations) object.annotations = maskStringMap(object.annotations, true);
  if (object.kind === 'ConfigMap' && object.data) object.data = maskStringMap(object.data);
  if (object.kind === 'Event' && typeof object.message === 'string') object.message = maskSecrets(object.message);
  return object;
}
