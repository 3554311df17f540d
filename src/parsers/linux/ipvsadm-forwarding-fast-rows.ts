/**
 * The fast paths of scanIpvsadmForwarding (ipvsadm-forwarding-scan.ts): the two rows nearly all of a
 * large `ipvsadm -Ln` is made of, as it prints them in its default columns, read in one pass without
 * token arrays:
 *   `TCP  172.16.0.10:53 rr` (a scheduler, maybe flags) and `  -> 10.0.91.2:53   Masq  1  3  4`.
 * Anything else about the row (tabs, more indent, IPv6, a name, another column count, a character
 * outside printable ASCII …) returns false and the row takes the scan's general path, which reads
 * these rows the same way (property test in test/parsers/linux/ipvsadm-forwarding-scan.test.ts).
 */
import type { ForwardingRows } from './ipvsadm-forwarding-rows.js';

/** Tokens the scan keeps bounds for; a row with more takes the exact path. */
export const MAX_TOKENS = 8;
export const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * A reader of one row of `text` (the caller has checked the column layout is the default one and the
 * row holds no "Can't initialize ipvs"): true when it read the row into `rows`. `int` is the scan's
 * reader of a digits-only token (-1 when it is not one).
 */
export function fastRowReader(text: string, rows: ForwardingRows, int: (from: number, to: number) => number): (rowStart: number, end: number, line: number) => boolean {
  let fastAddressEnd = 0;
  let fastPort = -1;
  /** A plain IPv4 `a.b.c.d:port` token at `at`, followed by a space: sets fastAddressEnd and fastPort; the index of that space, or -1. */
  const fastEndpoint = (at: number): number => {
    let i = at;
    for (let group = 0; group < 4; group++) {
      if (group > 0) {
        if (text.charCodeAt(i) !== 46) return -1;
        i++;
      }
      const from = i;
      while (i - from < 3 && isDigit(text.charCodeAt(i))) i++;
      if (i === from) return -1;
    }
    if (text.charCodeAt(i) !== 58) return -1;
    fastAddressEnd = i;
    let port = 0;
    const from = ++i;
    for (let c = text.charCodeAt(i); isDigit(c); c = text.charCodeAt(++i)) port = port * 10 + (c - 48);
    if (i === from || i - from > 9 || text.charCodeAt(i) !== 32) return -1;
    fastPort = port;
    return i;
  };
  let fastTokenFrom = 0;
  /** Skips spaces, then one token of printable ASCII that ends at a space or the row's end: its end (its start in fastTokenFrom), or -1 (no token, or another character). */
  const fastToken = (at: number, end: number, digits: boolean): number => {
    let i = at;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const from = (fastTokenFrom = i);
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) break;
      if (digits ? !isDigit(c) : c < 33 || c > 126) return -1;
    }
    return i === from ? -1 : i;
  };
  /** Only spaces from `at` to the row's end. */
  const fastBlank = (at: number, end: number): boolean => {
    for (let i = at; i < end; i++) if (text.charCodeAt(i) !== 32) return false;
    return true;
  };
  const fastRow = (rowStart: number, end: number, line: number): boolean => {
    const c0 = text.charCodeAt(rowStart);
    if (c0 === 32) {
      if (!text.startsWith('  -> ', rowStart)) return false;
      let i = fastEndpoint(rowStart + 5);
      if (i < 0) return false;
      const addressEnd = fastAddressEnd;
      const port = fastPort;
      if ((i = fastToken(i, end, false)) < 0) return false;
      if ((i = fastToken(i, end, true)) < 0) return false;
      const weight = int(fastTokenFrom, i);
      if ((i = fastToken(i, end, true)) < 0 || (i = fastToken(i, end, true)) < 0 || !fastBlank(i, end)) return false;
      if (rows.realHasOwner(line)) rows.pushReal(text.slice(rowStart + 5, addressEnd), port, weight);
      return true;
    }
    const protocol = c0 === 84 && text.startsWith('TCP ', rowStart) ? 'TCP' : c0 === 85 && text.startsWith('UDP ', rowStart) ? 'UDP' : undefined;
    if (protocol === undefined) return false;
    let from = rowStart + 4;
    while (text.charCodeAt(from) === 32) from++;
    let i = fastEndpoint(from);
    if (i < 0) return false;
    // The scheduler and any flags: at least one more token, at most MAX_TOKENS in all.
    let count = 2;
    while (!fastBlank(i, end)) {
      if ((i = fastToken(i, end, false)) < 0 || ++count > MAX_TOKENS) return false;
    }
    if (count === 2) return false;
    rows.pushVirtual(protocol, text.slice(from, fastAddressEnd), fastPort, -1);
    return true;
  };
  return fastRow;
}
