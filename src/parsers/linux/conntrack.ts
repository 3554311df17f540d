import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { cappedWarnings, type CappedWarnings, forEachLine } from '../capped-warnings.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';

export const ConntrackCounters = z.object({
  found: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  insert: z.number().int().nonnegative(),
  insertFailed: z.number().int().nonnegative(),
  drop: z.number().int().nonnegative(),
  earlyDrop: z.number().int().nonnegative(),
  error: z.number().int().nonnegative(),
  searchRestart: z.number().int().nonnegative(),
});
export type ConntrackCounters = z.infer<typeof ConntrackCounters>;

export const ConntrackCpuStats = ConntrackCounters.extend({
  cpu: z.number().int().nonnegative(),
  line: z.number().int().positive(),
});
export type ConntrackCpuStats = z.infer<typeof ConntrackCpuStats>;

export const ConntrackPortCount = z.object({ protocol: z.string(), port: z.number().int(), count: z.number().int() });
export type ConntrackPortCount = z.infer<typeof ConntrackPortCount>;

export const ConntrackValue = z.object({
  form: z.enum(['stats', 'list', 'unknown']),
  stats: z.object({ cpus: z.array(ConntrackCpuStats), totals: ConntrackCounters }).optional(),
  list: z
    .object({
      total: z.number().int().nonnegative(),
      byProtocol: z.record(z.string(), z.number().int()),
      /** Original-direction destination ports, most frequent first, top 20. */
      byDestinationPort: z.array(ConntrackPortCount),
      /** Entries to port 53 over udp or tcp. */
      dns: z.number().int().nonnegative(),
      /** N from `conntrack v1.4.4 (conntrack-tools): N flow entries have been shown.` */
      shownTrailer: z.number().int().nonnegative().optional(),
    })
    .optional(),
});
export type ConntrackValue = z.infer<typeof ConntrackValue>;

type CounterName = keyof ConntrackCounters;

// `conntrack -S` prints whatever counters the kernel reports, so the set varies by version:
// cpu=0   	found=0 invalid=1234 ignore=0 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0
// Old tools read /proc/net/stat/nf_conntrack instead and print `icmp_error=` for `error=`.
const counterNames: Record<string, CounterName> = {
  found: 'found',
  invalid: 'invalid',
  insert: 'insert',
  insert_failed: 'insertFailed',
  drop: 'drop',
  early_drop: 'earlyDrop',
  error: 'error',
  icmp_error: 'error',
  search_restart: 'searchRestart',
};
const statsRow = /^cpu=(\d+)\s/;
// An -L entry, optionally with an event tag (-E) or the layer-3 prefix of `-o extended`:
// `[NEW] ipv4     2 tcp      6 120 SYN_SENT src=10.0.0.1 dst=10.0.0.2 sport=43664 dport=443 …`
const entryRow = /^\s*(?:\[[A-Z]+\]\s+)?(?:ipv[46]\s+\d+\s+)?([a-z][a-z0-9]*)\s+\d+\s.*\bsrc=/;
const trailer = /^conntrack v\S+(?: \(conntrack-tools\))?: (\d+) flow entries have been shown/;
const TOP_PORTS = 20;

function zeroCounters(): ConntrackCounters {
  return { found: 0, invalid: 0, insert: 0, insertFailed: 0, drop: 0, earlyDrop: 0, error: 0, searchRestart: 0 };
}

function readStatsRow(text: string, cpu: number, line: number): ConntrackCpuStats {
  const row: ConntrackCpuStats = { cpu, ...zeroCounters(), line };
  for (const [, key = '', count = '0'] of text.matchAll(/(\w+)=(\d+)/g)) {
    const name = Object.hasOwn(counterNames, key) ? counterNames[key] : undefined;
    if (name) row[name] = Number(count);
  }
  return row;
}

function destinationPort(text: string): number | undefined {
  const at = text.indexOf(' dport=');
  if (at < 0) return undefined;
  const port = Number.parseInt(text.slice(at + 7, at + 13), 10);
  return Number.isNaN(port) ? undefined : port;
}

class ListTally {
  total = 0;
  dns = 0;
  readonly byProtocol: Record<string, number> = {};
  readonly byPort = new Map<string, ConntrackPortCount>();

  add(protocol: string, port: number | undefined): void {
    this.total += 1;
    this.byProtocol[protocol] = (this.byProtocol[protocol] ?? 0) + 1;
    if (port === undefined) return;
    if (port === 53 && (protocol === 'udp' || protocol === 'tcp')) this.dns += 1;
    const key = `${protocol}/${port}`;
    const entry = this.byPort.get(key);
    if (entry) entry.count += 1;
    else this.byPort.set(key, { protocol, port, count: 1 });
  }

  topPorts(): ConntrackPortCount[] {
    return [...this.byPort.values()]
      .sort((a, b) => b.count - a.count || a.protocol.localeCompare(b.protocol) || a.port - b.port)
      .slice(0, TOP_PORTS);
  }
}

interface ScanState {
  form?: 'stats' | 'list';
  cpus: ConntrackCpuStats[];
  tally: ListTally;
  shownTrailer?: number;
}

function readLine(text: string, line: number, state: ScanState, warnings: CappedWarnings): void {
  const trimmed = text.trim();
  if (trimmed === '') return;
  const entry = entryRow.exec(text);
  if (entry) {
    state.form ??= 'list';
    state.tally.add(entry[1] ?? '', destinationPort(text));
    return;
  }
  const cpu = statsRow.exec(trimmed);
  if (cpu) {
    state.form ??= 'stats';
    state.cpus.push(readStatsRow(trimmed, Number(cpu[1]), line));
    return;
  }
  const shown = trailer.exec(trimmed);
  if (shown) {
    state.form ??= 'list';
    state.shownTrailer = Number(shown[1]);
    return;
  }
  warnings.warn('unrecognised-line', 'line not recognised as a conntrack -S counter row or a conntrack -L entry', line);
}

function totalsOf(cpus: readonly ConntrackCpuStats[]): ConntrackCounters {
  const totals = zeroCounters();
  for (const cpu of cpus) for (const name of Object.keys(totals) as CounterName[]) totals[name] += cpu[name];
  return totals;
}

function parseConntrackText(text: string, options: ParseOptions): ParseResult<ConntrackValue> {
  const warnings = cappedWarnings(options.file);
  const state: ScanState = { cpus: [], tally: new ListTally() };
  forEachLine(text, (line, number) => readLine(line, number, state, warnings));
  const diagnostics: Diagnostic[] = [];
  const value: ConntrackValue = { form: state.form ?? 'unknown' };
  if (state.cpus.length > 0) value.stats = { cpus: state.cpus, totals: totalsOf(state.cpus) };
  if (state.tally.total > 0 || state.shownTrailer !== undefined) {
    const { tally } = state;
    const byDestinationPort = tally.topPorts();
    value.list = { total: tally.total, byProtocol: tally.byProtocol, byDestinationPort, dns: tally.dns };
    if (state.shownTrailer !== undefined) {
      value.list.shownTrailer = state.shownTrailer;
      if (state.shownTrailer !== tally.total) {
        diagnostics.push(
          diagnostic(
            'info',
            'entry-count-mismatch',
            `conntrack reported ${state.shownTrailer} entries but ${tally.total} are listed (filtered or cut off)`,
            { file: options.file },
          ),
        );
      }
    }
  }
  if (value.form === 'unknown' && text.trim() !== '') {
    diagnostics.push(
      diagnostic('error', 'unrecognised-input', 'neither conntrack -S counters nor conntrack -L entries found', {
        file: options.file,
      }),
    );
  }
  return { value, diagnostics: [...diagnostics, ...warnings.finish()] };
}

export const conntrackParser = defineParser<ConntrackValue>({
  id: 'conntrack',
  command: 'conntrack -S | conntrack -L',
  description:
    'Per-CPU conntrack counters (insert_failed and drop reveal lost packets), ' +
    'or the connection table summarised by protocol and destination port.',
  schema: ConntrackValue,
  example: [
    'cpu=0   \tfound=0 invalid=1024 ignore=0 insert=0 insert_failed=12 drop=12 early_drop=0 error=0 search_restart=31',
    'cpu=1   \tfound=2 invalid=980 ignore=0 insert=0 insert_failed=3 drop=3 early_drop=0 error=1 search_restart=27',
  ].join('\n'),
  empty: () => ({ form: 'unknown' }),
  parse: parseConntrackText,
});

export function parseConntrack(text: string, options?: ParseOptions): ParseResult<ConntrackValue> {
  return conntrackParser.parse(text, options);
}
