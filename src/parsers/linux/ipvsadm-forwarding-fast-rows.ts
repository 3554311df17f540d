/**
 * The fast path of scanIpvsadmForwarding (ipvsadm-forwarding-scan.ts): the two rows nearly all of a
 * large `ipvsadm -Ln` is made of, as it prints them in its default columns, read in one pass over their
 * characters — no search for the row's end first, no token arrays, no string per row:
 *   `TCP  172.16.0.10:53 rr` (a scheduler, maybe flags) and `  -> 10.0.91.2:53   Masq  1  3  4`.
 * A plain dotted quad is kept as its number (ipvsadm-ipv4.ts), any other IPv4-like address as text.
 * Anything else about a row (tabs, more indent, IPv6, a name, another column count, a character
 * outside printable ASCII, the "ipvs unavailable" text …) stops the run at that row, which takes the
 * scan's general path; that path reads these rows the same way (property test in
 * test/parsers/linux/ipvsadm-forwarding-scan.test.ts).
 */
import type { ForwardingRows } from './ipvsadm-forwarding-rows.js';

/** Tokens the scan keeps bounds for; a row with more takes the exact path. */
export const MAX_TOKENS = 8;
export const isDigit = (c: number) => c >= 48 && c <= 57;

const UNAVAILABLE = "Can't initialize ipvs";

/**
 * Whether a row holds "Can't initialize ipvs" (such a row takes the exact path), asked for rows in text
 * order: the text is searched from the first row asked about, once in all, not per row.
 */
export class UnavailableRows {
  /** The next occurrence at or after the rows asked about (-1: none); undefined before the first question. */
  #at: number | undefined;

  constructor(readonly text: string) {}

  in(rowStart: number, end: number): boolean {
    let at = (this.#at ??= this.text.indexOf(UNAVAILABLE, rowStart));
    while (at !== -1 && at < rowStart) at = this.text.indexOf(UNAVAILABLE, at + 1);
    this.#at = at;
    return at !== -1 && at < end;
  }
}

/** Runs of common rows of one text, read into `rows` (whose column layout the caller has checked is the default one). */
export class FastRows {
  /** Where the row after the last run starts (past the text's end when the run reached it). */
  next = 0;

  constructor(
    readonly text: string,
    readonly rows: ForwardingRows,
    readonly unavailable: UnavailableRows,
  ) {}

  /** Reads the common rows from `start` (row number `line`) on: how many (0 when the first is not one); `next` is set. */
  read(start: number, line: number): number {
    const text = this.text;
    const rows = this.rows;
    let count = 0;
    let rowStart = start;
    for (;;) {
      let i = rowStart;
      const c0 = text.charCodeAt(i);
      const real = c0 === 32;
      let protocol: 'TCP' | 'UDP' | undefined;
      if (real) {
        if (text.charCodeAt(i + 1) !== 32 || text.charCodeAt(i + 2) !== 45 || text.charCodeAt(i + 3) !== 62 || text.charCodeAt(i + 4) !== 32) break;
        i += 5;
      } else {
        if (c0 === 84 && text.charCodeAt(i + 1) === 67 && text.charCodeAt(i + 2) === 80) protocol = 'TCP';
        else if (c0 === 85 && text.charCodeAt(i + 1) === 68 && text.charCodeAt(i + 2) === 80) protocol = 'UDP';
        else break;
        if (text.charCodeAt(i + 3) !== 32) break;
        i += 4;
        while (text.charCodeAt(i) === 32) i++;
      }
      // The endpoint: four groups of 1–3 digits, ':', 1–9 digits of port, then a space.
      const addressStart = i;
      let ip = 0;
      let plain = true;
      let group = 0;
      for (; group < 4; group++) {
        if (group > 0) {
          if (text.charCodeAt(i) !== 46) break;
          i++;
        }
        const from = i;
        let part = 0;
        for (let c = text.charCodeAt(i); i - from < 3 && c >= 48 && c <= 57; c = text.charCodeAt(++i)) part = part * 10 + (c - 48);
        if (i === from) break;
        if (part > 255 || (i - from > 1 && text.charCodeAt(from) === 48)) plain = false;
        ip = ip * 256 + part;
      }
      if (group < 4 || text.charCodeAt(i) !== 58) break;
      const addressEnd = i;
      const portFrom = ++i;
      let port = 0;
      for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) port = port * 10 + (c - 48);
      if (i === portFrom || i - portFrom > 9 || text.charCodeAt(i) !== 32) break;
      // The columns: tokens of printable ASCII separated by spaces, up to the row's end.
      let weight = -1;
      let tokens = 2;
      let ok = true;
      // The ipvs-unavailable text has an apostrophe; only a virtual-server row's flags can hold one here.
      let apostrophe = false;
      let c = 32;
      for (;;) {
        while ((c = text.charCodeAt(i)) === 32) i++;
        if (c === 10 || i >= text.length) break;
        const from = i;
        if (real) {
          // Forward, then three digit-only columns (Weight, ActiveConn, InActConn).
          if (tokens === 2) {
            while (c >= 33 && c <= 126) c = text.charCodeAt(++i);
          } else {
            let n = 0;
            while (c >= 48 && c <= 57) {
              n = n * 10 + (c - 48);
              c = text.charCodeAt(++i);
            }
            if (tokens === 3) weight = i - from > 15 ? Number(text.slice(from, i)) : n;
          }
        } else
          while (c >= 33 && c <= 126) {
            if (c === 39) apostrophe = true;
            c = text.charCodeAt(++i);
          }
        // A token ends at a space or the row's end; an empty one means a character it may not hold.
        if (i === from || (c !== 32 && c !== 10 && i < text.length) || ++tokens > (real ? 6 : MAX_TOKENS)) {
          ok = false;
          break;
        }
      }
      if (!ok || (real ? tokens !== 6 : tokens === 2)) break;
      const end = i;
      if (apostrophe && this.unavailable.in(rowStart, end)) break;
      if (real) {
        if (rows.realHasOwner(line + count)) {
          if (plain) rows.pushRealIPv4(ip, port, weight);
          else rows.pushReal(text.slice(addressStart, addressEnd), port, weight);
        }
      } else if (plain) rows.pushVirtualIPv4(protocol!, ip, port, -1);
      else rows.pushVirtual(protocol!, text.slice(addressStart, addressEnd), port, -1);
      count++;
      rowStart = end + 1;
      if (rowStart > text.length) break;
    }
    this.next = rowStart;
    return count;
  }
}
