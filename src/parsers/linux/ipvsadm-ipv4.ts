/**
 * A plain dotted quad — four parts 0–255 without leading zeros, the form `ipvsadm -n` prints and the normal
 * form of an IPv4 address — as its 32-bit number, and back. The forwarding scan keeps such addresses as
 * numbers (no string per row) and the kube-proxy check looks them up by number; anything else stays text.
 * Helpers for ipvsadm-forwarding-*.ts and the kube-proxy facts; no parser lives here.
 */

/** The address as a number in [0, 2^32), or -1 when `text` is not a plain dotted quad. */
export function plainIPv4Number(text: string): number {
  let n = 0;
  let i = 0;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (text.charCodeAt(i) !== 46) return -1;
      i++;
    }
    const from = i;
    let value = 0;
    for (let c = text.charCodeAt(i); c >= 48 && c <= 57 && i - from < 3; c = text.charCodeAt(++i)) value = value * 10 + (c - 48);
    if (i === from || value > 255 || (i - from > 1 && text.charCodeAt(from) === 48)) return -1;
    n = n * 256 + value;
  }
  return i === text.length ? n : -1;
}

/** `10.0.0.1` for 167772161. */
export function ipv4Text(n: number): string {
  return `${Math.floor(n / 16777216)}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}
