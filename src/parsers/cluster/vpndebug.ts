import { z } from 'zod';
import { isValidAddress, isValidCidr } from '../../cidr/index.js';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { numberedLines } from '../capped-warnings.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import { type VpnDebugMessage, vpnDebugMessages } from './vpndebug-messages.js';

const Tag = z.enum(['ERROR', 'WARNING', 'VERIFY', 'CHECK']);

export const VpnDebugFinding = z.object({
  tag: Tag,
  line: z.number().int().positive(),
  /** Id of the known vpnDebug message; absent for a tagged line this parser does not know. */
  messageId: z.string().optional(),
  /** The known message's text (never the printed line, which may carry configuration). */
  summary: z.string().optional(),
  /** The gateway address or subnet the message names, when it parses as one. */
  subject: z.string().optional(),
  /** For the `CHECK: For '…' in the log` headers: how many log lines matched below it. */
  logMatches: z.number().int().nonnegative().optional(),
});
export type VpnDebugFinding = z.infer<typeof VpnDebugFinding>;

export const VpnDebugValue = z.object({
  /** `The VPN connection was ESTABLISHED` / `is not ESTABLISHED`; absent when the run stopped before saying. */
  established: z.boolean().optional(),
  findings: z.array(VpnDebugFinding),
  counts: z.object({ ERROR: z.number().int(), WARNING: z.number().int(), VERIFY: z.number().int(), CHECK: z.number().int() }),
  /** The tool printed its closing `Done`. */
  complete: z.boolean(),
});
export type VpnDebugValue = z.infer<typeof VpnDebugValue>;

const banner = /^vpnDebug: Tool to help debug VPN connectivity issues$/;
const tagged = /^(ERROR|WARNING|VERIFY|CHECK)\b/;
const separator = /^-{20,}$/;
const statusStart = /^Retrieving the status of the VPN connection:$/;
const statusResult = /^The VPN connection (is not|was) ESTABLISHED$/;
const podLog = /^Finally, the last 100 lines of the VPN pod logs:$/;

// What the lines after a marker are: tool messages, `ipsec statusall` output, a printed file, grep'd log lines, the pod log.
type Mode = 'messages' | 'status' | 'file' | 'log' | 'pod-log';

function emptyVpnDebug(): VpnDebugValue {
  return { findings: [], counts: { ERROR: 0, WARNING: 0, VERIFY: 0, CHECK: 0 }, complete: false };
}

function subjectOf(known: VpnDebugMessage, match: RegExpExecArray): string | undefined {
  const captured = match[1];
  if (known.subject === undefined || captured === undefined || captured === '') return undefined;
  const valid = known.subject === 'cidr' ? isValidCidr(captured) : isValidAddress(captured);
  return valid ? captured : undefined;
}

function finding(text: string, tag: VpnDebugFinding['tag'], line: number): { finding: VpnDebugFinding; known?: VpnDebugMessage } {
  for (const known of vpnDebugMessages) {
    const match = known.pattern.exec(text);
    if (!match) continue;
    const subject = subjectOf(known, match);
    const result: VpnDebugFinding = { tag, line, messageId: known.id, summary: known.summary };
    if (subject !== undefined) result.subject = subject;
    return { finding: result, known };
  }
  return { finding: { tag, line } };
}

function parseVpnDebugText(text: string, options: ParseOptions): ParseResult<VpnDebugValue> {
  const value = emptyVpnDebug();
  const diagnostics: Diagnostic[] = [];
  let mode: Mode = 'messages';
  let sawBanner = false;
  let logHeader: VpnDebugFinding | undefined;
  let last = '';
  for (const { text: raw, line } of numberedLines(text)) {
    const trimmed = raw.trim();
    if (trimmed !== '') last = trimmed;
    if (mode === 'pod-log') continue;
    if (mode === 'log') {
      // The grep output under a log CHECK ends at the blank line the tool echoes after it.
      if (trimmed === '' || separator.test(trimmed)) mode = 'messages';
      else {
        if (logHeader) logHeader.logMatches = (logHeader.logMatches ?? 0) + 1;
        continue;
      }
    }
    if (mode === 'file' || mode === 'status') {
      const result = statusResult.exec(trimmed);
      if (result) value.established = result[1] === 'was';
      if (result || separator.test(trimmed)) mode = 'messages';
      continue;
    }
    const result = statusResult.exec(trimmed);
    if (result) value.established = result[1] === 'was';
    else if (banner.test(trimmed)) sawBanner = true;
    else if (statusStart.test(trimmed)) mode = 'status';
    else if (podLog.test(trimmed)) mode = 'pod-log';
    const tag = tagged.exec(trimmed)?.[1] as VpnDebugFinding['tag'] | undefined;
    if (tag === undefined) continue;
    const { finding: found, known } = finding(trimmed, tag, line);
    value.findings.push(found);
    value.counts[tag] += 1;
    if (known?.block === 'file') mode = 'file';
    if (known?.block === 'log') {
      mode = 'log';
      logHeader = found;
      found.logMatches = 0;
    }
  }
  // The tool also prints `Done` after installing kubectl; only the last line says it finished.
  value.complete = sawBanner && last === 'Done';
  if (!sawBanner && value.findings.length === 0) {
    diagnostics.push(diagnostic('error', 'unrecognised-input', 'no vpnDebug output found (no banner, no ERROR/WARNING/VERIFY/CHECK lines)', { file: options.file }));
  } else if (!value.complete) {
    const message = 'the vpnDebug output does not end with its closing `Done`: it is cut short or the tool stopped early';
    diagnostics.push(diagnostic('info', 'vpndebug-incomplete', message, { file: options.file }));
  }
  return { value, diagnostics };
}

export const vpndebugParser = defineParser<VpnDebugValue>({
  id: 'vpndebug',
  command: 'kubectl exec <strongswan pod> -- vpnDebug',
  description:
    'The ERROR, WARNING, VERIFY and CHECK lines of IBM’s strongSwan chart vpnDebug tool, by line and known message id ' +
    '(without copying the printed ipsec.conf or ipsec.secrets), and whether it found the VPN ESTABLISHED.',
  schema: VpnDebugValue,
  example: [
    '----------------------------------------------------------------------',
    'vpnDebug: Tool to help debug VPN connectivity issues',
    '----------------------------------------------------------------------',
    'The VPN connection is not ESTABLISHED',
    '----------------------------------------------------------------------',
    'WARNING: The remote gateway at 203.0.113.45 does not appear to be reachable',
    'CHECK: Is the on-prem VPN active?',
    'CHECK: Is there a firewall blocking udp 500/4500 traffic?',
    '----------------------------------------------------------------------',
    'Done',
  ].join('\n'),
  empty: emptyVpnDebug,
  parse: parseVpnDebugText,
});

export function parseVpndebug(text: string, options?: ParseOptions): ParseResult<VpnDebugValue> {
  return vpndebugParser.parse(text, options);
}
