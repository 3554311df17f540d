/**
 * The kube-proxy forwarding view of `ipvsadm -Ln` without the full row model:
 * a 20,000-Service node prints ~100,000 rows (~5 MB), and parseIpvsadm builds
 * an object, a regex match and a column array per row. Runs of the two common
 * rows (`TCP|UDP addr:port …`, `  -> addr:port …` in the default columns) are
 * read in one pass (ipvsadm-forwarding-fast-rows.ts), a plain dotted quad kept
 * as a number; other plain ASCII server rows are read in place by index,
 * allocating only the address text; any other row (headers, FWM, errors,
 * non-ASCII or control characters) goes
 * through the parser's own patterns and row readers (ipvsadm-forwarding-rows.ts).
 * Values and diagnostics equal parseIpvsadm's, projected to the fields the
 * kube-proxy facts read (test/parsers/linux/ipvsadm-forwarding-scan.test.ts).
 * Not a separate parser id.
 */
import { compareDiagnostics, diagnostic } from '../../diagnostics.js';
import { type CappedWarnings, cappedWarnings } from '../capped-warnings.js';
import { type ParseOptions, type ParseResult, normalizeNewlines } from '../define-parser.js';
import { COLUMNS_MISMATCH } from './ipvsadm.js';
import { ForwardingRows, type IpvsForwarding, emptyForwarding } from './ipvsadm-forwarding-rows.js';
import { FastRows, MAX_TOKENS, UnavailableRows, isDigit } from './ipvsadm-forwarding-fast-rows.js';

export type { IpvsForwarding } from './ipvsadm-forwarding-rows.js';

export function scanIpvsadmForwarding(input: string, options: ParseOptions = {}): ParseResult<IpvsForwarding> {
  const warnings = cappedWarnings(options.file);
  const rows = new ForwardingRows(emptyForwarding(), warnings, options.file);
  try {
    return scan(normalizeNewlines(input), options.file, rows, warnings);
  } catch (error) {
    const message = `ipvsadm parser failed: ${(error as Error).message}`;
    return { value: rows.finish(), diagnostics: [diagnostic('error', 'parser-crashed', message, { file: options.file })] };
  }
}

function scan(text: string, file: string | undefined, rows: ForwardingRows, warnings: CappedWarnings): ParseResult<IpvsForwarding> {
  let recognised = false;
  let firstContent: number | undefined;
  // Token bounds of the current row, reused: starts[i]..ends[i]; count may exceed MAX_TOKENS.
  const starts = new Array<number>(MAX_TOKENS).fill(0);
  const ends = new Array<number>(MAX_TOKENS).fill(0);
  // Rows holding the ipvs-unavailable text take the exact path; found once, not searched per row.
  const unavailable = new UnavailableRows(text);

  /** The digits of text[a, b) as a number, or -1 when empty or not all digits (ipvsadm-rows' INT). */
  const int = (a: number, b: number): number => {
    if (a >= b) return -1;
    let n = 0;
    for (let i = a; i < b; i++) {
      const c = text.charCodeAt(i);
      if (!isDigit(c)) return -1;
      n = n * 10 + (c - 48);
    }
    return b - a > 15 ? Number(text.slice(a, b)) : n;
  };
  /** ipvsadm-rows' LARGENUM: digits, then at most one of K M G T. */
  const largeNum = (a: number, b: number) => {
    const last = text.charCodeAt(b - 1);
    const end = last === 75 || last === 77 || last === 71 || last === 84 ? b - 1 : b;
    return int(a, end) >= 0;
  };
  const fiveCounters = (from: number, count: number) => {
    if (count - from !== 5) return false;
    for (let t = from; t < count; t++) if (!largeNum(starts[t]!, ends[t]!)) return false;
    return true;
  };
  // Endpoint of token t (ipvsadm-rows' ENDPOINT): sets epAddress ('' = a name) and epPort (-1 = absent).
  let epAddress = '';
  let epPort = -1;
  let epNamed = false;
  const endpoint = (t: number) => {
    const a = starts[t]!;
    const b = ends[t]!;
    let i = a;
    let addressEnd: number;
    if (text.charCodeAt(a) === 91) {
      i = a + 1;
      while (i < b && /[0-9A-Fa-f:.]/.test(text[i]!)) i++;
      if (i === a + 1 || text.charCodeAt(i) !== 93) i = -1;
      else addressEnd = ++i;
    } else {
      for (let group = 0; group < 4 && i !== -1; group++) {
        if (group > 0) i = text.charCodeAt(i) === 46 ? i + 1 : -1;
        const from = i;
        while (i !== -1 && i < b && i - from < 3 && isDigit(text.charCodeAt(i))) i++;
        if (i === from) i = -1;
      }
      addressEnd = i;
    }
    if (i === -1 || i >= b || text.charCodeAt(i) !== 58) {
      epAddress = '';
      epPort = -1;
      epNamed = true;
      return;
    }
    epAddress = text.charCodeAt(a) === 91 ? text.slice(a + 1, addressEnd! - 1) : text.slice(a, addressEnd!);
    epPort = int(i + 1, b);
    epNamed = epPort < 0;
  };

  const tokenIs = (t: number, s: string) => ends[t]! - starts[t]! === s.length && text.startsWith(s, starts[t]!);

  const fast = new FastRows(text, rows, unavailable);

  // A trailing empty segment is a blank row, skipped like every other.
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    if (rows.format === 'default') {
      const read = fast.read(start, line);
      if (read > 0) {
        firstContent ??= line;
        recognised = true;
        start = fast.next;
        line += read - 1;
        continue;
      }
    }
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const rowStart = start;
    start = end + 1;
    // Tokenise on spaces and tabs; any other control or non-ASCII character takes the exact path.
    let count = 0;
    let plain = true;
    for (let i = rowStart; i < end; ) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        i++;
        continue;
      }
      const from = i;
      for (; i < end; i++) {
        const d = text.charCodeAt(i);
        if (d === 32 || d === 9) break;
        if (d < 32 || d > 126) plain = false;
      }
      if (count < MAX_TOKENS) {
        starts[count] = from;
        ends[count] = i;
      }
      count++;
    }
    if (plain && count === 0) continue;
    const row = plain ? undefined : text.slice(rowStart, end).trimEnd();
    if (row === '') continue;
    firstContent ??= line;
    const c0 = text.charCodeAt(rowStart);
    const indented = c0 === 32 || c0 === 9;
    const shaped = plain && count >= 2 && count <= MAX_TOKENS;
    const realRow = shaped && indented && tokenIs(0, '->') && !text.startsWith('-> RemoteAddress:Port', starts[0]!);
    const protocol = !shaped || indented ? undefined : tokenIs(0, 'TCP') ? 'TCP' : tokenIs(0, 'UDP') ? 'UDP' : tokenIs(0, 'SCTP') ? 'SCTP' : undefined;
    // Only a row that could be read here is searched for the ipvs-unavailable text (which takes the exact path).
    const simple = (realRow || protocol !== undefined) && !unavailable.in(rowStart, end);
    if (simple && protocol) {
      endpoint(1);
      if (epNamed) rows.sawName(line);
      if (epAddress === '') rows.skipNamedVirtual();
      else {
        const ok = fiveCounters(2, count) || (count > 2 && rows.format !== 'stats' && rows.format !== 'rate');
        if (!ok) warnings.warn('unrecognised-line', COLUMNS_MISMATCH('virtual'), line);
        rows.pushVirtual(protocol, epAddress, epPort, -1);
      }
      recognised = true;
    } else if (simple && realRow) {
      endpoint(1);
      if (epNamed) rows.sawName(line);
      if (rows.realHasOwner(line) && epAddress !== '') {
        const weight = realWeight(count);
        if (weight === undefined) warnings.warn('unrecognised-line', COLUMNS_MISMATCH('real'), line);
        else rows.pushReal(epAddress, epPort, weight);
      }
      recognised = true;
    } else if (rows.readUnusualRow(row ?? text.slice(rowStart, end).trimEnd(), line)) recognised = true;
  }

  /** The weight of a real-server row with tokens 2..count as columns (-1: none printed); undefined if the columns do not fit. */
  function realWeight(count: number): number | undefined {
    const format = rows.format;
    if (format === 'stats' || format === 'rate') return fiveCounters(2, count) ? -1 : undefined;
    if (count !== 6) return undefined;
    const b = int(starts[3]!, ends[3]!);
    if (b < 0 || int(starts[4]!, ends[4]!) < 0 || int(starts[5]!, ends[5]!) < 0) return undefined;
    const first = int(starts[2]!, ends[2]!);
    if (format === 'thresholds') return first >= 0 ? -1 : undefined;
    if (format === 'persistent-conn') return first >= 0 ? first : undefined;
    return b;
  }

  if (!recognised && firstContent !== undefined) {
    const message = 'no ipvsadm header or virtual-server row found';
    return { value: rows.finish(), diagnostics: [diagnostic('error', 'not-ipvsadm', message, { file, line: firstContent })] };
  }
  return { value: rows.finish(), diagnostics: [...rows.errors, ...warnings.finish()].sort(compareDiagnostics) };
}
