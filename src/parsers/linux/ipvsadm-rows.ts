/**
 * Reading the columns of one `ipvsadm -L` row, whichever listing format the
 * header announced. Helpers for ipvsadm.ts and ipvsadm-timeout.ts; no parser lives here.
 */
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import type { Ipvsadm, IpvsRate, IpvsRealServer, IpvsStats, IpvsVirtualServer } from './ipvsadm-model.js';

type Format = Ipvsadm['format'];

const LARGENUM = /^(\d+)([KMGT]?)$/;
const INT = /^\d+$/;
const ENDPOINT = /^(?:\[([0-9A-Fa-f:.]+)\]|(\d{1,3}(?:\.\d{1,3}){3})):(\S*)$/;

export function formatOf(title: string): Format {
  if (title.includes('Conns')) return 'stats';
  if (title.includes('CPS')) return 'rate';
  if (title.includes('Uthreshold')) return 'thresholds';
  if (title.includes('PersistConn')) return 'persistent-conn';
  return 'default';
}

/** `10.96.0.1:443`, `[fd00::1]:443`, `10.96.0.1:https`; a host name (possibly cut at 33/28 characters) yields no address. */
function endpointOf(token: string): Endpoint {
  const m = ENDPOINT.exec(token);
  if (!m) return { named: true, family: token.startsWith('[') ? 6 : 4 };
  const numeric = INT.test(m[3] as string);
  const out: Endpoint = { address: (m[1] ?? m[2]) as string, named: !numeric, family: m[1] === undefined ? 4 : 6 };
  if (numeric) out.port = Number(m[3]);
  return out;
}

interface Endpoint {
  address?: string;
  port?: number;
  named: boolean;
  family: 4 | 6;
}

interface Read<T> {
  /** Undefined when the address is a host name. */
  server?: T;
  /** ipvsadm printed a host or service name instead of a number. */
  named: boolean;
  columnsOk: boolean;
}

/** A `TCP  10.96.0.1:443 rr` or `FWM  100 IPv6 rr` row, matched by ipvsadm.ts. */
export function virtualServerOf(m: RegExpExecArray, line: number, format: Format): Read<IpvsVirtualServer> {
  const fwm = m[0].startsWith('FWM');
  const at: Endpoint = fwm ? { named: false, family: m[2] ? 6 : 4 } : endpointOf(m[2] as string);
  if (!fwm && at.address === undefined) return { named: at.named, columnsOk: true };
  const protocol = fwm ? 'FWM' : (m[1] as IpvsVirtualServer['protocol']);
  const vs: IpvsVirtualServer = { protocol, family: at.family, flags: [], line, realServers: [] };
  if (at.address !== undefined) vs.address = at.address;
  if (at.port !== undefined) vs.port = at.port;
  if (fwm) vs.fwmark = Number(m[1]);
  return { server: vs, named: at.named, columnsOk: readVirtualColumns(vs, columns(m[3]), format) };
}

/** A `  -> 10.244.0.2:53   Masq 1 0 0` row, matched by ipvsadm.ts. */
export function realServerOf(m: RegExpExecArray, line: number, format: Format): Read<IpvsRealServer> {
  const at = endpointOf(m[1] as string);
  if (at.address === undefined) return { named: at.named, columnsOk: true };
  const rs: IpvsRealServer = { address: at.address, line };
  if (at.port !== undefined) rs.port = at.port;
  return { server: rs, named: at.named, columnsOk: readRealColumns(rs, columns(m[2]), format) };
}

const SPACES = /\s+/;
// `rest` starts after the matched `\s*`, so only an empty rest splits into an empty column.
const columns = (rest: string | undefined) => (rest ? rest.split(SPACES) : []);

function readVirtualColumns(vs: IpvsVirtualServer, cols: string[], format: Format): boolean {
  const counters = countersOf(cols, format);
  if (counters) {
    Object.assign(vs, counters);
    return true;
  }
  const [scheduler, ...rest] = cols;
  if (scheduler === undefined || format === 'stats' || format === 'rate') return false;
  vs.scheduler = scheduler;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i] as string;
    if (flag === 'persistent' && INT.test(rest[i + 1] ?? '')) {
      vs.persistentSeconds = Number(rest[++i]);
      vs.flags.push(flag);
    } else if ((flag === 'mask' || flag === 'pe') && rest[i + 1] !== undefined) vs.flags.push(`${flag} ${rest[++i]}`);
    else if (flag.startsWith('(')) vs.flags.push(...flag.replace(/[()]/g, '').split(',').filter(Boolean));
    else vs.flags.push(flag);
  }
  return true;
}

function readRealColumns(rs: IpvsRealServer, cols: string[], format: Format): boolean {
  if (format === 'stats' || format === 'rate') {
    const counters = countersOf(cols, format);
    if (counters) Object.assign(rs, counters);
    return counters !== undefined;
  }
  if (cols.length !== 4) return false;
  const [first, bText, cText, dText] = cols as [string, string, string, string];
  if (!INT.test(bText) || !INT.test(cText) || !INT.test(dText)) return false;
  const b = Number(bText);
  if (format === 'thresholds' && INT.test(first)) {
    rs.upperThreshold = Number(first);
    rs.lowerThreshold = b;
  } else if (format === 'persistent-conn' && INT.test(first)) {
    rs.weight = Number(first);
    rs.persistConn = b;
  } else if (format === 'default') {
    rs.forward = first;
    rs.weight = b;
  } else return false;
  rs.activeConn = Number(cText);
  rs.inactConn = Number(dText);
  return true;
}

const SCALE: Record<string, number> = { '': 1, K: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** Five `--stats` or `--rate` columns (the rate format only when the header said so); undefined if they are not five counters. */
function countersOf(cols: string[], format: Format): { stats: IpvsStats } | { rate: IpvsRate } | undefined {
  if (cols.length !== 5) return undefined;
  const parsed = cols.map((c) => LARGENUM.exec(c));
  if (!parsed.every((m) => m !== null)) return undefined;
  const values = parsed.map((m) => Number(m?.[1]) * (SCALE[m?.[2] ?? ''] ?? 1));
  const [a, b, c, d, e] = values as [number, number, number, number, number];
  return format === 'rate'
    ? { rate: { cps: a, inPps: b, outPps: c, inBps: d, outBps: e } }
    : { stats: { conns: a, inPkts: b, outPkts: c, inBytes: d, outBytes: e } };
}

/** ipvsadm's two-line error when the ip_vs module is missing; the first line becomes an error diagnostic. */
export function ipvsUnavailable(row: string, file: string | undefined, line: number): Diagnostic | 'continuation' | undefined {
  if (row.includes("Can't initialize ipvs")) {
    return diagnostic('error', 'ipvs-unavailable', 'ipvsadm could not reach IPVS (ip_vs module not loaded?)', { file, line });
  }
  return row.startsWith('Are you sure that IP Virtual Server') ? 'continuation' : undefined;
}
