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
import { formatOf, ipvsUnavailable, realServerOf, virtualServerOf } from './ipvsadm-rows.js';

/** Parallel arrays, one index per virtual server (vs*) or real server (rs*); absent numbers are -1. */
export interface IpvsForwarding {
  /** ipvsadm ran without -n (rows with a named address are left out, as parseIpvsadm does). */
  namesResolved: boolean;
  vsProtocol: IpvsVirtualServer['protocol'][];
  /** '' for FWM virtual servers. */
  vsAddress: string[];
  vsPort: number[];
  vsFwmark: number[];
  /** Index of the virtual server's first real server; its real servers end where the next one's start. */
  vsRealStart: number[];
  rsAddress: string[];
  rsPort: number[];
  rsWeight: number[];
}

export const emptyForwarding = (): IpvsForwarding => ({
  namesResolved: false,
  vsProtocol: [],
  vsAddress: [],
  vsPort: [],
  vsFwmark: [],
  vsRealStart: [],
  rsAddress: [],
  rsPort: [],
  rsWeight: [],
});

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
    const value = this.value;
    value.vsProtocol.push(protocol);
    value.vsAddress.push(address);
    value.vsPort.push(port);
    value.vsFwmark.push(fwmark);
    value.vsRealStart.push(value.rsAddress.length);
    this.hasCurrent = true;
    this.skippingNamed = false;
  }

  skipNamedVirtual(): void {
    this.hasCurrent = false;
    this.skippingNamed = true;
  }

  pushReal(address: string, port: number, weight: number): void {
    this.value.rsAddress.push(address);
    this.value.rsPort.push(port);
    this.value.rsWeight.push(weight);
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
