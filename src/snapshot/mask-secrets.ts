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

const quick = /access|secret|passw|pwd|token|credential|private|api[_-]?key|bearer|basic|:\/\/[^\s/@]+:[^\s/@]+@/i;

/** The text with every credential value replaced by `<redacted>`; unchanged (same string) when there is none. */
export function maskSecrets(text: string): string {
  if (!quick.test(text)) return text;
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

/** Annotations and ConfigMap data with credential values masked (values of copied-object annotations dropped). */
export function maskStringMap(map: Record<string, string>, annotations = false): Record<string, string> {
  let out: Record<string, string> | undefined;
  for (const [key, value] of Object.entries(map)) {
    const masked = annotations && copiedObjectAnnotations.has(key) ? redacted : new RegExp(`^${secretName}$`, 'i').test(key) ? redacted : maskSecrets(value);
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
