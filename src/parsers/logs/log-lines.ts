import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { cappedWarnings, forEachLine } from '../capped-warnings.js';
import { type ParseOptions, defineParser } from '../define-parser.js';
import { type LogLineEntry, logLineCatalog } from './log-line-catalog.js';
import { splitLogPrefix } from './log-timestamps.js';

/** Distinct values kept per field; a busy log repeats the same few. */
export const FIELD_VALUE_LIMIT = 10;

export const LogMessage = z.object({
  /** Stable id from the catalog, e.g. `kubeProxyIpvsUnavailable`. */
  id: z.string(),
  /** The component that prints it (the log file may be another's, e.g. HNS errors in kube-proxy's log). */
  component: z.string(),
  count: z.number().int().positive(),
  firstLine: z.number().int().positive(),
  lastLine: z.number().int().positive(),
  /** As printed: `2020-03-17T07:03:40Z`, klog's `1120 10:00:00.123456` (no year), nginx's `2026/11/20 10:00:00`. */
  firstTimestamp: z.string().optional(),
  lastTimestamp: z.string().optional(),
  /** Distinct extracted values (at most 10 each): `modules`, `vSwitch`, `range`, `mac`, `upstream` … */
  fields: z.record(z.string(), z.array(z.string())),
});
export type LogMessage = z.infer<typeof LogMessage>;

export const LogLinesValue = z.object({
  /** Non-blank lines read. */
  lines: z.number().int().nonnegative(),
  /** In order of first appearance. */
  messages: z.array(LogMessage),
});
export type LogLinesValue = z.infer<typeof LogLinesValue>;

// One pass over the catalog's patterns per line: most lines of a log match nothing.
const anyKnown = new RegExp(logLineCatalog.map((entry) => entry.pattern.source).join('|'), 'i');

function record(messages: Map<string, LogMessage>, entry: LogLineEntry, line: number, timestamp: string | undefined, text: string): void {
  let message = messages.get(entry.id);
  if (!message) {
    message = { id: entry.id, component: entry.component, count: 0, firstLine: line, lastLine: line, fields: {} };
    messages.set(entry.id, message);
  }
  message.count += 1;
  message.lastLine = line;
  if (timestamp !== undefined) {
    message.firstTimestamp ??= timestamp;
    message.lastTimestamp = timestamp;
  }
  for (const [name, values] of Object.entries(entry.fields?.(text) ?? {})) {
    const kept = (message.fields[name] ??= []);
    for (const value of values) if (kept.length < FIELD_VALUE_LIMIT && !kept.includes(value)) kept.push(value);
  }
}

export const logLinesParser = defineParser<LogLinesValue>({
  id: 'log-lines',
  command: 'logs/<component>.log (kubectl logs, journalctl, /var/log/containers, Windows C:\\k\\*.log)',
  description:
    'Known error lines of kube-proxy, flanneld, terway, kubelet/CNI, ingress-nginx, the Rancher agent, cloud-controller-manager and Windows HNS, by stable message id: counts, first/last line and timestamp, and extracted fields (module list, vSwitch, range, MAC, upstream). Log lines themselves are never copied.',
  schema: LogLinesValue,
  example: [
    'I1120 10:00:00.112233       1 server_others.go:177] Using ipvs Proxier.',
    "E1120 10:00:00.123456       1 server_others.go:127] Can't use the IPVS proxier: IPVS proxier will not be used because the following required kernel modules are not loaded: [ip_vs_lc]",
    'I1120 10:00:00.123789       1 server_others.go:206] Using iptables Proxier.',
  ].join('\n'),
  empty: () => ({ lines: 0, messages: [] }),
  parse(text, { file }) {
    const messages = new Map<string, LogMessage>();
    const warnings = cappedWarnings(file);
    const diagnostics: Diagnostic[] = [];
    let lines = 0;
    forEachLine(text, (raw, line) => {
      if (raw.trim() === '') return;
      lines += 1;
      const { timestamp, message, broken } = splitLogPrefix(raw);
      if (broken) warnings.warn('unreadable-json-log-line', 'line looks like a Docker JSON log record but does not parse', line);
      if (!anyKnown.test(message)) return;
      for (const entry of logLineCatalog) {
        if (entry.pattern.test(message) && !entry.unless?.test(message)) record(messages, entry, line, timestamp, message);
      }
    });
    if (text.trim() === '') diagnostics.push(diagnostic('info', 'empty-log', 'the log is empty', { file }));
    return { value: { lines, messages: [...messages.values()] }, diagnostics: [...diagnostics, ...warnings.finish()] };
  },
});

export function parseLogLines(text: string, options?: ParseOptions) {
  return logLinesParser.parse(text, options);
}
