import { z } from 'zod';
import { type Diagnostic, compareDiagnostics, diagnostic } from '../../diagnostics.js';
import { cappedWarnings, numberedLines } from '../capped-warnings.js';
import { type ParseOptions, type ParseResult, defineParser } from '../define-parser.js';
import { ipvsUnavailable } from './ipvsadm-rows.js';

const seconds = z.number().int().nonnegative();

export const IpvsadmTimeout = z.object({
  /** Idle timeout of established TCP connections, seconds (kernel default 900). */
  tcp: seconds.optional(),
  /** TCP after FIN, seconds (default 120). */
  tcpFin: seconds.optional(),
  /** UDP, seconds (default 300). */
  udp: seconds.optional(),
  line: z.number().int().optional(),
});
export type IpvsadmTimeout = z.infer<typeof IpvsadmTimeout>;

// The only line `ipvsadm -L --timeout` prints: "Timeout (tcp tcpfin udp): 900 120 300".
const TIMEOUT = /^Timeout \(tcp tcpfin udp\):\s*(.*)$/;

function parse(text: string, options: ParseOptions): ParseResult<IpvsadmTimeout> {
  const file = options.file;
  const value: IpvsadmTimeout = {};
  const warnings = cappedWarnings(file);
  const errors: Diagnostic[] = [];
  for (const { text: raw, line } of numberedLines(text)) {
    const row = raw.trim();
    if (row === '') continue;
    const m = TIMEOUT.exec(row);
    if (!m) {
      const unavailable = ipvsUnavailable(row, file, line);
      if (unavailable === undefined) warnings.warn('unrecognised-line', 'line not recognised as the ipvsadm timeout line', line);
      else if (unavailable !== 'continuation') errors.push(unavailable);
      continue;
    }
    if (value.line !== undefined) {
      warnings.warn('duplicate-timeout-line', 'a second timeout line was ignored', line);
      continue;
    }
    const numbers = (m[1] as string).split(/\s+/).filter(Boolean);
    value.line = line;
    const [tcp, tcpFin, udp] = numbers.map((n) => (/^\d+$/.test(n) ? Number(n) : undefined));
    if (tcp !== undefined) value.tcp = tcp;
    if (tcpFin !== undefined) value.tcpFin = tcpFin;
    if (udp !== undefined) value.udp = udp;
    if (numbers.length !== 3 || [tcp, tcpFin, udp].includes(undefined)) {
      warnings.warn('incomplete-timeout-line', 'timeout line does not hold three whole numbers of seconds', line);
    }
  }
  if (value.line === undefined && errors.length === 0) {
    errors.push(diagnostic('error', 'not-ipvsadm-timeout', 'no `Timeout (tcp tcpfin udp):` line found', { file }));
  }
  return { value, diagnostics: [...errors, ...warnings.finish()].sort(compareDiagnostics) };
}

export const ipvsadmTimeoutParser = defineParser<IpvsadmTimeout>({
  id: 'ipvsadm-timeout',
  command: 'ipvsadm -L --timeout',
  description: 'IPVS connection idle timeouts (TCP, TCP after FIN, UDP) in seconds.',
  schema: IpvsadmTimeout,
  example: 'Timeout (tcp tcpfin udp): 900 120 300\n',
  empty: () => ({}),
  parse,
});

export function parseIpvsadmTimeout(text: string, options?: ParseOptions): ParseResult<IpvsadmTimeout> {
  return ipvsadmTimeoutParser.parse(text, options);
}
