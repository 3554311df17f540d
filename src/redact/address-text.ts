import type { IpPseudonyms } from './ip-pseudonym.js';

/**
 * Finds addresses and CIDRs in free text and rewrites them, leaving everything that
 * merely looks like one alone. A candidate is a run of hex digits and colons (IPv6,
 * with an optional dotted IPv4 tail) or four dotted decimals, optionally `/prefix`; it
 * is an address only when the strict parser accepts it and it stands alone:
 * - not glued to a word, a colon or a longer dotted number before it: `v1.2.3.4`,
 *   an image tag `nginx:1.2.3.4`, an OID `1.3.6.1.4.1` are not addresses;
 * - after a dot only when a letter precedes the dot (ACK node names `cn-hangzhou.192.168.0.10`);
 * - not followed by a word character or a further `.digit`.
 * A port after an address (`10.0.0.1:80`), a range (`10.0.0.2-10.0.0.9`), brackets and
 * quotes are boundaries. Times (`08:49:23.123`), MAC addresses and `a::b` words fail the
 * strict parser and stay.
 */
const candidates = /[0-9A-Fa-f]*:[0-9A-Fa-f:.]*|\d{1,3}(?:\.\d{1,3}){3}/g;

export function rewriteAddresses(text: string, ips: IpPseudonyms, record: (original: string, pseudonym: string) => void): { text: string; count: number } {
  if (!/\d\.\d|:/.test(text)) return { text, count: 0 };
  let count = 0;
  let out = '';
  let last = 0;
  candidates.lastIndex = 0;
  for (let match = candidates.exec(text); match !== null; match = candidates.exec(text)) {
    let token = match[0];
    const start = match.index;
    if (token.includes(':')) {
      token = token.replace(/\.+$/, '');
      if (token.endsWith(':') && !token.endsWith('::')) token = token.slice(0, -1);
      if ((token.match(/:/g)?.length ?? 0) < 2) continue;
    }
    if (!boundaryBefore(text, start)) continue;
    let end = start + token.length;
    let prefix: number | undefined;
    const slash = /^\/(\d{1,3})(?!\d)/.exec(text.slice(end, end + 5));
    if (slash) {
      prefix = Number(slash[1]);
      end += slash[0].length;
    }
    if (!boundaryAfter(text, end)) {
      if (prefix === undefined || !boundaryAfter(text, start + token.length)) continue;
      prefix = undefined;
      end = start + token.length;
    }
    const range = prefix === undefined && !token.includes(':') ? /^-(\d{1,3}(?:\.\d{1,3}){3})/.exec(text.slice(end, end + 17)) : null;
    if (range && boundaryAfter(text, end + range[0].length)) {
      const mappedRange = ips.mapRange(token, range[1]!);
      if (mappedRange !== undefined) {
        end += range[0].length;
        candidates.lastIndex = end;
        record(`${token}${range[0]}`, mappedRange);
        if (mappedRange === `${token}${range[0]}`) continue;
        out += text.slice(last, start) + mappedRange;
        last = end;
        count++;
        continue;
      }
    }
    const written = prefix === undefined ? token : `${token}/${prefix}`;
    const mapped = prefix === undefined ? ips.mapAddress(token) : (ips.mapCidr(token, prefix) ?? mapWithSuffix(ips, token, prefix));
    if (mapped === undefined) continue;
    candidates.lastIndex = end;
    // Recorded even when unchanged (a fixed point, or a block as big as its class), so the mapping says so.
    record(written, mapped);
    if (mapped === written) continue;
    out += text.slice(last, start) + mapped;
    last = end;
    count++;
  }
  return count === 0 ? { text, count } : { text: out + text.slice(last), count };
}

/** `10.0.0.1/255` and other suffixes that are not a prefix length: the address alone. */
function mapWithSuffix(ips: IpPseudonyms, token: string, prefix: number): string | undefined {
  const address = ips.mapAddress(token);
  return address === undefined ? undefined : `${address}/${prefix}`;
}

function boundaryBefore(text: string, start: number): boolean {
  if (start === 0) return true;
  const before = text[start - 1]!;
  // `\n10.0.0.1` inside a JSON string: an escape, not a word.
  if (/[ntr]/.test(before) && text[start - 2] === '\\') return true;
  if (before === '.') return /[A-Za-z]/.test(text[start - 2] ?? '');
  return !/[\w:]/.test(before);
}

function boundaryAfter(text: string, end: number): boolean {
  const after = text[end];
  if (after === undefined) return true;
  if (after === '.') return !/\d/.test(text[end + 1] ?? '');
  return !/\w/.test(after);
}
