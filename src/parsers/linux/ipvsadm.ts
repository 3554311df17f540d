import { type Diagnostic, compareDiagnostics, diagnostic } from '../../diagnostics.js';
import { cappedWarnings } from '../capped-warnings.js';
import { type ParseOptions, type ParseResult, defineParser } from '../define-parser.js';
import { Ipvsadm, type IpvsVirtualServer } from './ipvsadm-model.js';
import { formatOf, ipvsUnavailable, realServerOf, virtualServerOf } from './ipvsadm-rows.js';

export { IpvsRate, IpvsRealServer, IpvsStats, IpvsVirtualServer, Ipvsadm } from './ipvsadm-model.js';


/** Row patterns, exported for ipvsadm-forwarding-scan.ts, which must classify rows exactly as parse does. */
export const VERSION = /^IP Virtual Server version (\S+) \(size=(\d+)\)/;
export const VIRTUAL = /^(TCP|UDP|SCTP)\s+(\S+)\s*(.*)$/;
export const FWMARK = /^FWM\s+(\d+)(\s+IPv6)?\s*(.*)$/;
export const REAL = /^\s+->\s+(\S+)\s*(.*)$/;
export const REMOTE_TITLE = /^\s*-> RemoteAddress:Port/;
export const COLUMNS_MISMATCH = (kind: string) => `${kind}-server row does not have the columns its header announces`;

const empty = (): Ipvsadm => ({ format: 'default', virtualServers: [], namesResolved: false });

function parse(text: string, options: ParseOptions): ParseResult<Ipvsadm> {
  const file = options.file;
  const value = empty();
  const warnings = cappedWarnings(file);
  const errors: Diagnostic[] = [];
  let current: IpvsVirtualServer | undefined;
  let skippingNamed = false;
  let recognised = false;
  let firstContent: number | undefined;
  const sawName = (line: number) => {
    if (!value.namesResolved) {
      const message = 'ipvsadm was run without -n: names replace addresses; rows with a named address were skipped';
      warnings.warn('names-resolved', message, line);
    }
    value.namesResolved = true;
  };

  // Hot path (a 20,000-Service listing is ~100,000 rows): each row's regexes run only once the
  // cheaper tests before them have failed, in the same order of precedence as the branches.
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const row = (lines[i] as string).trimEnd();
    if (row === '') continue;
    firstContent ??= line;
    let m: RegExpExecArray | null = null;
    let unavailable: ReturnType<typeof ipvsUnavailable>;
    if (row.startsWith('IP Virtual') && (m = VERSION.exec(row))) {
      value.version = m[1] as string;
      value.size = Number(m[2]);
    } else if (row.startsWith('Prot LocalAddress:Port')) {
      value.format = formatOf(row);
    } else if (REMOTE_TITLE.test(row)) {
      // column titles
    } else if ((unavailable = ipvsUnavailable(row, file, line))) {
      if (unavailable !== 'continuation') errors.push(unavailable);
    } else if ((m = VIRTUAL.exec(row) ?? FWMARK.exec(row))) {
      const read = virtualServerOf(m, line, value.format);
      if (read.named) sawName(line);
      if (read.server && !read.columnsOk) warnings.warn('unrecognised-line', COLUMNS_MISMATCH('virtual'), line);
      if (read.server) value.virtualServers.push(read.server);
      current = read.server;
      skippingNamed = read.server === undefined;
    } else if ((m = REAL.exec(row))) {
      const read = realServerOf(m, line, value.format);
      if (read.named) sawName(line);
      if (!current) {
        if (!skippingNamed) warnings.warn('orphan-real-server', 'real-server row appears before any virtual server', line);
      } else if (read.server) {
        if (read.columnsOk) current.realServers.push(read.server);
        else warnings.warn('unrecognised-line', COLUMNS_MISMATCH('real'), line);
      }
    } else {
      warnings.warn('unrecognised-line', 'line not recognised as an ipvsadm header, virtual-server or real-server row', line);
      continue;
    }
    recognised = true;
  }
  if (!recognised && firstContent !== undefined) {
    const message = 'no ipvsadm header or virtual-server row found';
    return { value, diagnostics: [diagnostic('error', 'not-ipvsadm', message, { file, line: firstContent })] };
  }
  return { value, diagnostics: [...errors, ...warnings.finish()].sort(compareDiagnostics) };
}

export const ipvsadmParser = defineParser<Ipvsadm>({
  id: 'ipvsadm',
  command: 'ipvsadm -Ln',
  description:
    'IPVS virtual servers and their real servers from `ipvsadm -Ln` (also `--stats`, `--rate`, `--thresholds`, ' +
    '`--persistent-conn`, and `-L` without -n, whose named rows are skipped).',
  schema: Ipvsadm,
  example: [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
    'TCP  10.96.0.1:443 rr',
    '  -> 192.168.0.10:6443            Masq    1      3          0         ',
    'UDP  10.96.0.10:53 rr',
    '  -> 10.244.0.2:53                Masq    1      0          12        ',
    '',
  ].join('\n'),
  empty,
  parse,
});

export function parseIpvsadm(text: string, options?: ParseOptions): ParseResult<Ipvsadm> {
  return ipvsadmParser.parse(text, options);
}
