import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { cappedWarnings, numberedLines } from '../capped-warnings.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';

export const KernelMessageCount = z.object({
  count: z.number().int().nonnegative(),
  firstLine: z.number().int().positive().optional(),
  lastLine: z.number().int().positive().optional(),
  /** As printed: `1234.567890` (seconds since boot) or `Mon Nov 20 10:00:00 2026` (`dmesg -T`). */
  firstTimestamp: z.string().optional(),
  lastTimestamp: z.string().optional(),
  /** Sum of `net_ratelimit: N callbacks suppressed` beside these messages: more the kernel did not print. */
  suppressedCallbacks: z.number().int().nonnegative().optional(),
});
export type KernelMessageCount = z.infer<typeof KernelMessageCount>;

export const DmesgValue = z.object({
  conntrackTableFull: KernelMessageCount,
  /** Non-blank lines read. */
  lines: z.number().int().nonnegative(),
});
export type DmesgValue = z.infer<typeof DmesgValue>;

type MessageKey = Exclude<keyof DmesgValue, 'lines'>;

/** Kernel messages worth counting. To count another, add an entry here and a field to DmesgValue. */
const kernelMessages: readonly { key: MessageKey; pattern: RegExp }[] = [
  // Newer kernels prefix the module name twice: `nf_conntrack: nf_conntrack: table full, dropping packet`;
  // 2.6-era kernels print `ip_conntrack: table full, dropping packet.`
  { key: 'conntrackTableFull', pattern: /\b(?:nf|ip)_conntrack: (?:nf_conntrack: )?table full, dropping packet/ },
];

// Prefixes a kernel line may carry, stripped in this order: a syslog/journal header
// (`Feb 23 16:44:36 node1 kernel: `, or its bare `kernel: ` tail as pasted lines often keep it:
// `kernel: [1694413.644132] nf_conntrack: nf_conntrack: table full, dropping packet`),
// a raw level (`<4>`), `dmesg -x` facility and level (`kern  :warn  : `).
const syslogPrefix = /^(?:(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\S+) \S+ )?kernel: /;
const levelPrefix = /^<\d+>/;
const facilityPrefix = /^[a-z0-9]+ *:[a-z]+ *: /;
const timestampPatterns = [
  /^\[\s*(\d+\.\d+)\] ?/, // dmesg
  /^\[([A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4})\] ?/, // dmesg -T
  /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[,.]\d+[+-]\d\d:?\d\d) /, // dmesg --time-format iso
];
const brokenTimestamp = /^\[\s*\d[\d.]*(?:[^\d.\]]|$)/;
const suppressed = /^(?:net_ratelimit|__ratelimit): (\d+) callbacks suppressed/;
const notPermitted = /^dmesg: read kernel buffer failed/;

function emptyCount(): KernelMessageCount {
  return { count: 0 };
}

function emptyDmesg(): DmesgValue {
  return { conntrackTableFull: emptyCount(), lines: 0 };
}

function splitTimestamp(text: string): { timestamp?: string; message: string } {
  for (const pattern of timestampPatterns) {
    const match = pattern.exec(text);
    if (match) return { timestamp: match[1], message: text.slice(match[0].length) };
  }
  return { message: text };
}

function record(count: KernelMessageCount, line: number, timestamp: string | undefined): void {
  count.count += 1;
  count.firstLine ??= line;
  count.lastLine = line;
  if (timestamp !== undefined) {
    count.firstTimestamp ??= timestamp;
    count.lastTimestamp = timestamp;
  }
}

function addSuppressed(count: KernelMessageCount, callbacks: number): void {
  count.suppressedCallbacks = (count.suppressedCallbacks ?? 0) + callbacks;
}

function parseDmesgText(text: string, options: ParseOptions): ParseResult<DmesgValue> {
  const value = emptyDmesg();
  const warnings = cappedWarnings(options.file);
  const diagnostics: Diagnostic[] = [];
  // The kernel prints `net_ratelimit: N callbacks suppressed` just before the next message it lets
  // through, so a suppressed count belongs to the matched message right before or right after it.
  let previousKey: MessageKey | undefined;
  let pending = 0;
  let lastUptime = -1;
  let reportedBackwards = false;

  for (const { text: raw, line } of numberedLines(text)) {
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    value.lines += 1;
    if (notPermitted.test(trimmed)) {
      diagnostics.push(
        diagnostic('error', 'dmesg-not-permitted', 'dmesg could not read the kernel ring buffer (run it as root)', {
          file: options.file,
          line,
        }),
      );
      continue;
    }
    const unprefixed = trimmed.replace(syslogPrefix, '').replace(levelPrefix, '').replace(facilityPrefix, '');
    const { timestamp, message } = splitTimestamp(unprefixed);
    if (timestamp === undefined && brokenTimestamp.test(unprefixed)) {
      warnings.warn('malformed-timestamp', 'line starts with a kernel timestamp that is cut off or garbled', line);
    }
    if (timestamp !== undefined && /^\d+\.\d+$/.test(timestamp)) {
      const uptime = Number(timestamp);
      if (uptime < lastUptime && !reportedBackwards) {
        reportedBackwards = true;
        const message = 'kernel timestamps go backwards here: several boots or reordered output';
        diagnostics.push(diagnostic('info', 'timestamps-not-monotonic', message, { file: options.file, line }));
      }
      lastUptime = uptime;
    }

    const callbacks = suppressed.exec(message);
    if (callbacks) {
      if (previousKey !== undefined) addSuppressed(value[previousKey], Number(callbacks[1]));
      else pending += Number(callbacks[1]);
      continue;
    }
    const matched = kernelMessages.find((entry) => entry.pattern.test(message));
    if (matched) {
      record(value[matched.key], line, timestamp);
      if (pending > 0) addSuppressed(value[matched.key], pending);
    }
    pending = 0;
    previousKey = matched?.key;
  }
  return { value, diagnostics: [...diagnostics, ...warnings.finish()] };
}

export const dmesgParser = defineParser<DmesgValue>({
  id: 'dmesg',
  command: 'dmesg',
  description:
    'Counts kernel messages that explain network failures; for now conntrack table overflows, ' +
    'with the callbacks the rate limiter suppressed.',
  schema: DmesgValue,
  example: [
    '[1737157.969828] nf_conntrack: nf_conntrack: table full, dropping packet',
    '[1737157.989828] nf_conntrack: nf_conntrack: table full, dropping packet',
    '[1737162.214084] net_ratelimit: 83 callbacks suppressed',
    '[1737162.214090] nf_conntrack: nf_conntrack: table full, dropping packet',
  ].join('\n'),
  empty: emptyDmesg,
  parse: parseDmesgText,
});

export function parseDmesg(text: string, options?: ParseOptions): ParseResult<DmesgValue> {
  return dmesgParser.parse(text, options);
}
