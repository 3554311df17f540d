/**
 * The value scanIpvsadmForwarding fills, the state it keeps between rows, and
 * its fallback for rows its fast paths do not take (headers, FWM virtual
 * servers, the "ipvs unavailable" error, named addresses, non-ASCII or control
 * characters): those go through parseIpvsadm's own patterns and row readers,
 * so an unusual row reads exactly as the full parser reads it.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { CappedWarnings } from '../capped-warnings.js';
import { COLUMNS_MISMATCH, FWMARK, type Ipvsadm, type IpvsRealServer, type IpvsVirtualServer, REAL, REMOTE_TITLE, VERSION, VIRTUAL } from './ipvsadm.js';
import { ipv4Text, plainIPv4Number } from './ipvsadm-ipv4.js';
import { formatOf, ipvsUnavailable, realServerOf, virtualServerOf } from './ipvsadm-rows.js';

/**
 * Parallel arrays, one index per virtual server (vs*) or real server (rs*); absent numbers are -1.
 * An address printed as a plain dotted quad (nearly all of them) is kept as its number (ipvsadm-ipv4.ts),
 * any other (IPv6, a dotted quad with leading zeros, '' for FWM) as text: a 20,000-Service node then costs
 * no string per row. `vsAddress` / `rsAddress` give the printed text of either.
 */
export interface IpvsForwarding {
  /** ipvsadm ran without -n (rows with a named address are left out, as parseIpvsadm does). */
  namesResolved: boolean;
  vsProtocol: IpvsVirtualServer['protocol'][];
  /** The address as a number when it is a plain dotted quad, else -1 and the text in vsAddressText. */
  vsIPv4: Float64Array;
  /** By virtual-server index, the addresses that are no plain dotted quad ('' for FWM virtual servers). */
  vsAddressText: Map<number, string>;
  vsPort: Float64Array;
  vsFwmark: Float64Array;
  /** Index of the virtual server's first real server; its real servers end where the next one's start. */
  vsRealStart: Float64Array;
  rsIPv4: Float64Array;
  rsAddressText: Map<number, string>;
  rsPort: Float64Array;
  rsWeight: Float64Array;
}

export const emptyForwarding = (): IpvsForwarding => ({
  namesResolved: false,
  vsProtocol: [],
  vsIPv4: new Float64Array(0),
  vsAddressText: new Map(),
  vsPort: new Float64Array(0),
  vsFwmark: new Float64Array(0),
  vsRealStart: new Float64Array(0),
  rsIPv4: new Float64Array(0),
  rsAddressText: new Map(),
  rsPort: new Float64Array(0),
  rsWeight: new Float64Array(0),
});

/** A column of numbers that grows as rows are read (no boxed numbers, no array growth per push). */
class Column {
  values = new Float64Array(256);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  done(): Float64Array {
    return this.values.slice(0, this.length);
  }
}

/** The address of virtual server `vs` as ipvsadm printed it ('' for FWM). */
export function vsAddress(f: IpvsForwarding, vs: number): string {
  const ip = f.vsIPv4[vs]!;
  return ip >= 0 ? ipv4Text(ip) : (f.vsAddressText.get(vs) ?? '');
}

/** The address of real server `rs` as ipvsadm printed it. */
export function rsAddress(f: IpvsForwarding, rs: number): string {
  const ip = f.rsIPv4[rs]!;
  return ip >= 0 ? ipv4Text(ip) : (f.rsAddressText.get(rs) ?? '');
}

const NAMES = 'ipvsadm was run without -n: names replace addresses; rows with a named address were skipped';
const ORPHAN = 'real-server row appears before any virtual server';

/** The value being filled and what one row needs to know about the rows before it. */
export class ForwardingRows {
  /** Column layout announced by the `Prot LocalAddress:Port …` header. */
  format: Ipvsadm['format'] = 'default';
  /** A virtual server is open: real-server rows belong to it. */
  hasCurrent = false;
  /** The last virtual server had a named address and was skipped, and so are its real servers (silently). */
  skippingNamed = false;
  readonly errors: Diagnostic[] = [];
  readonly #vsIPv4 = new Column();
  readonly #vsPort = new Column();
  readonly #vsFwmark = new Column();
  readonly #vsRealStart = new Column();
  readonly #rsIPv4 = new Column();
  readonly #rsPort = new Column();
  readonly #rsWeight = new Column();

  constructor(
    readonly value: IpvsForwarding,
    readonly warnings: CappedWarnings,
    readonly file: string | undefined,
  ) {}

  sawName(line: number): void {
    if (!this.value.namesResolved) this.warnings.warn('names-resolved', NAMES, line);
    this.value.namesResolved = true;
  }

  pushVirtual(protocol: IpvsVirtualServer['protocol'], address: string, port: number, fwmark: number): void {
    const ip = plainIPv4Number(address);
    if (ip < 0) this.value.vsAddressText.set(this.#vsIPv4.length, address);
    this.pushVirtualIPv4(protocol, ip, port, fwmark);
  }

  /** `ip`: a plain dotted quad's number, or -1 after its text was set in vsAddressText. */
  pushVirtualIPv4(protocol: IpvsVirtualServer['protocol'], ip: number, port: number, fwmark: number): void {
    this.value.vsProtocol.push(protocol);
    this.#vsIPv4.push(ip);
    this.#vsPort.push(port);
    this.#vsFwmark.push(fwmark);
    this.#vsRealStart.push(this.#rsIPv4.length);
    this.hasCurrent = true;
    this.skippingNamed = false;
  }

  skipNamedVirtual(): void {
    this.hasCurrent = false;
    this.skippingNamed = true;
  }

  pushReal(address: string, port: number, weight: number): void {
    const ip = plainIPv4Number(address);
    if (ip < 0) this.value.rsAddressText.set(this.#rsIPv4.length, address);
    this.pushRealIPv4(ip, port, weight);
  }

  /** `ip`: a plain dotted quad's number, or -1 after its text was set in rsAddressText. */
  pushRealIPv4(ip: number, port: number, weight: number): void {
    this.#rsIPv4.push(ip);
    this.#rsPort.push(port);
    this.#rsWeight.push(weight);
  }

  /** Puts the columns read so far into the value (once, when the scan ends). */
  finish(): IpvsForwarding {
    const value = this.value;
    value.vsIPv4 = this.#vsIPv4.done();
    value.vsPort = this.#vsPort.done();
    value.vsFwmark = this.#vsFwmark.done();
    value.vsRealStart = this.#vsRealStart.done();
    value.rsIPv4 = this.#rsIPv4.done();
    value.rsPort = this.#rsPort.done();
    value.rsWeight = this.#rsWeight.done();
    return value;
  }

  /** A real-server row with no virtual server to belong to; true when the row is to be read. */
  realHasOwner(line: number): boolean {
    if (!this.hasCurrent && !this.skippingNamed) this.warnings.warn('orphan-real-server', ORPHAN, line);
    return this.hasCurrent;
  }

  /** parseIpvsadm's own branches for a row the fast paths do not take; false when not recognised. */
  readUnusualRow(row: string, line: number): boolean {
    let m: RegExpExecArray | null = null;
    let unavailable: ReturnType<typeof ipvsUnavailable>;
    if (row.startsWith('IP Virtual') && VERSION.test(row)) return true;
    if (row.startsWith('Prot LocalAddress:Port')) this.format = formatOf(row);
    else if (REMOTE_TITLE.test(row)) return true;
    else if ((unavailable = ipvsUnavailable(row, this.file, line))) {
      if (unavailable !== 'continuation') this.errors.push(unavailable);
    } else if ((m = VIRTUAL.exec(row) ?? FWMARK.exec(row))) {
      const read = virtualServerOf(m, line, this.format);
      if (read.named) this.sawName(line);
      if (read.server && !read.columnsOk) this.warnings.warn('unrecognised-line', COLUMNS_MISMATCH('virtual'), line);
      if (read.server) this.pushVirtual(read.server.protocol, read.server.address ?? '', read.server.port ?? -1, read.server.fwmark ?? -1);
      else this.skipNamedVirtual();
    } else if ((m = REAL.exec(row))) {
      const read = realServerOf(m, line, this.format);
      if (read.named) this.sawName(line);
      if (this.realHasOwner(line) && read.server) {
        if (read.columnsOk) this.pushReal(read.server.address, read.server.port ?? -1, (read.server as IpvsRealServer).weight ?? -1);
        else this.warnings.warn('unrecognised-line', COLUMNS_MISMATCH('real'), line);
      }
    } else {
      this.warnings.warn('unrecognised-line', 'line not recognised as an ipvsadm header, virtual-server or real-server row', line);
      return false;
    }
    return true;
  }
}
