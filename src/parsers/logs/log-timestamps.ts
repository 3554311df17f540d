/**
 * The prefixes log collectors and loggers put before a message, and the timestamp in them.
 * The outermost timestamp wins: a CRI or `kubectl logs --timestamps` prefix carries the year
 * that klog's own header lacks.
 */
export interface SplitLogLine {
  timestamp?: string;
  message: string;
  /** A Docker json-file record that does not parse (cut or garbled). */
  broken: boolean;
}

// containerd/CRI-O files under /var/log/containers: `2026-11-20T10:00:00.123456789Z stderr F I1120 10:00:00…`
const criPrefix = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) (?:stdout|stderr) [FP] /;
// `kubectl logs --timestamps`, journald's `-o short-iso`, most Go loggers: an RFC 3339 time first.
const rfc3339Prefix = /^(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?)\s/;
// klog: `I1120 10:00:00.123456    1256 main.go:450] …`, level letter, month and day, no year.
const klogHeader = /^[IWEF](\d{4} \d\d:\d\d:\d\d\.\d+)\s/;
// logrus text format (terway, flanneld, Rancher agent): `time="2020-03-17T07:03:40Z" level=warning msg="…"`.
const logrusTime = /\btime="([^"]+)"/;
// nginx error log and Go's standard log: `2026/11/20 10:00:00 [error] 31#31: …`.
const slashDate = /^(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)?)\s/;
// nginx access log: `10.0.0.1 - - [20/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 504 …`.
const accessLogTime = /\[(\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d [+-]\d{4})\]/;
// syslog / journalctl default: `Nov 20 10:00:00 node-1 kube-proxy[912]: …`.
const syslogPrefix = /^([A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) \S+ [^:\s]+: /;

export function splitLogPrefix(raw: string): SplitLogLine {
  const line = raw.trimEnd();
  if (line.startsWith('{"log":')) return dockerJson(line);
  for (const prefix of [criPrefix, syslogPrefix]) {
    const match = prefix.exec(line);
    if (match) return { timestamp: match[1], message: line.slice(match[0].length), broken: false };
  }
  const outer = rfc3339Prefix.exec(line) ?? slashDate.exec(line);
  const message = outer ? line.slice(outer[0].length) : line;
  const timestamp = outer?.[1] ?? klogHeader.exec(message)?.[1] ?? logrusTime.exec(message)?.[1] ?? accessLogTime.exec(message)?.[1];
  return timestamp === undefined ? { message, broken: false } : { timestamp, message, broken: false };
}

/** Docker's json-file driver: `{"log":"I1120 …\n","stream":"stderr","time":"2026-11-20T10:00:00.1Z"}`. */
function dockerJson(line: string): SplitLogLine {
  try {
    const record = JSON.parse(line) as { log?: unknown; time?: unknown };
    const message = typeof record.log === 'string' ? record.log.trimEnd() : '';
    const inner = splitLogPrefix(message);
    const timestamp = typeof record.time === 'string' ? record.time : inner.timestamp;
    return timestamp === undefined ? { message: inner.message, broken: false } : { timestamp, message: inner.message, broken: false };
  } catch {
    return { message: line, broken: true };
  }
}
