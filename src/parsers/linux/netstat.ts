import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { cappedWarnings, type CappedWarnings, numberedLines } from '../capped-warnings.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';

export const Listener = z.object({
  protocol: z.enum(['tcp', 'udp']),
  /** `any`: ss's `*:port`, an IPv6 socket that also accepts IPv4 (dual-stack). */
  family: z.union([z.literal(4), z.literal(6), z.literal('any')]),
  /** As printed, without brackets or `%interface`: `0.0.0.0`, `::`, `127.0.0.53`, `*`. */
  address: z.string(),
  port: z.number().int().nonnegative(),
  process: z.string().optional(),
  pid: z.number().int().nonnegative().optional(),
  line: z.number().int().positive(),
});
export type Listener = z.infer<typeof Listener>;

export const NetstatValue = z.object({ tool: z.enum(['netstat', 'ss']), listeners: z.array(Listener) });
export type NetstatValue = z.infer<typeof NetstatValue>;

type Row = Omit<Listener, 'line' | 'port'> & { port: string };
type Family = Listener['family'];

const ssHeader = /^(Netid\s+)?State\s+Recv-Q\s+Send-Q\s+Local Address:Port/;
const netstatHeader = /^(?:Proto\s|Active Internet connections|Active Connections)/;
const ignoredNetstatLines = /^(?:\(Not all processes|will not be shown|\(only servers\))/;
const ssNetids = /^(?:tcp|udp|raw|mptcp|sctp|dccp|nl|tipc|xdp|icmp6?|[upv]_\w+)$/;
const ssStates = new Set(
  ['LISTEN', 'UNCONN', 'ESTAB', 'TIME-WAIT', 'SYN-SENT', 'SYN-RECV', 'CLOSE-WAIT', 'FIN-WAIT-1', 'FIN-WAIT-2'].concat(
    ['LAST-ACK', 'CLOSING'],
  ),
);

/** `0.0.0.0:68`, `:::30500`, `[::]:80`, `127.0.0.53%lo:53`, `[fe80::1]%eth0:546` → host and port text. */
function splitAddress(text: string): { host: string; port: string } | undefined {
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return undefined;
  let host = text.slice(0, colon);
  if (host.startsWith('[')) host = host.slice(1, host.indexOf(']'));
  return { host: host.replace(/%.*$/, ''), port: text.slice(colon + 1) };
}

function processOf(text: string): { process?: string; pid?: number } {
  const netstat = /^(\d+)\/(.+)$/.exec(text);
  if (netstat) return { pid: Number(netstat[1]), process: netstat[2] };
  // ss: users:(("nginx",pid=1,fd=6)); iproute2 3.x printed users:(("nginx",1,6))
  const ss = /users:\(\("((?:[^"\\]|\\.)*)",(?:pid=)?(\d+)/.exec(text);
  if (ss) return { process: ss[1], pid: Number(ss[2]) };
  if (/^\d+$/.test(text)) return { pid: Number(text) }; // Windows netstat -ano
  return {};
}

type FamilyOf = (host: string) => Family;

function row(protocol: 'tcp' | 'udp', address: string, family: FamilyOf, owner: string): Row | undefined {
  const split = splitAddress(address);
  if (!split) return undefined;
  return { protocol, family: family(split.host), address: split.host, port: split.port, ...processOf(owner) };
}

/** Linux `netstat -anp` (`tcp6 0 0 :::30500 :::* LISTEN 1916680/kube-proxy`) and Windows `netstat -ano`. */
function netstatRow(tokens: string[]): Row | null | undefined {
  const [proto = '', ...rest] = tokens;
  if (proto === 'TCP' || proto === 'UDP') {
    // Windows: `TCP 0.0.0.0:135 0.0.0.0:0 LISTENING 948`, `UDP 0.0.0.0:500 *:* 4448`. The state is
    // localised (`ABHÖREN`), but only a listening socket has foreign port 0.
    const [local = '', foreign = '', ...owner] = rest;
    if (proto === 'TCP' && (owner.shift() === undefined || !foreign.endsWith(':0'))) return null;
    return row(proto === 'TCP' ? 'tcp' : 'udp', local, (host) => (host.includes(':') ? 6 : 4), owner.join(' '));
  }
  const protocol = /^(tcp|udp)6?$/.exec(proto)?.[1] as 'tcp' | 'udp' | undefined;
  if (!protocol) return /^(?:raw|udpl|unix)/.test(proto) ? null : undefined;
  const [, , local = '', , ...owner] = rest;
  // udp rows have no state unless connected (`ESTABLISHED`), and a connected socket is not a listener.
  const state = protocol === 'tcp' || /^[A-Z][A-Z_0-9]+$/.test(owner[0] ?? '') ? owner.shift() : undefined;
  if (protocol === 'tcp' && state === undefined) return undefined;
  if (state !== undefined && !(protocol === 'tcp' && state === 'LISTEN')) return null;
  return row(protocol, local, () => (proto.endsWith('6') ? 6 : 4), owner.join(' '));
}

/** `ss -lntup`: `tcp LISTEN 0 4096 *:10250 *:* users:(("kubelet",pid=1,fd=20))`; `ss -lnt` omits Netid. */
function ssRow(tokens: string[], layout: SsLayout): Row | null | undefined {
  const cells = layout.hasNetid ? tokens : [undefined, ...tokens];
  const [netid, state = '', , , local = '', , ...owner] = cells;
  if (netid !== undefined && !ssNetids.test(netid)) return undefined;
  if (!ssStates.has(state)) return netid === undefined ? undefined : null;
  const protocol = netid ?? (state === 'LISTEN' ? 'tcp' : 'udp');
  if (!(protocol === 'tcp' && state === 'LISTEN') && !(protocol === 'udp' && state === 'UNCONN')) return null;
  const family = (host: string): Family => (host === '*' ? (layout.oldStyle ? 4 : 'any') : host.includes(':') ? 6 : 4);
  const parsed = row(protocol, local, family, owner.join(' '));
  if (parsed && layout.oldStyle && parsed.address === '*') parsed.address = '0.0.0.0';
  return parsed;
}

interface SsLayout {
  hasNetid: boolean;
  /** Before iproute2 4.x, `*` meant IPv4 any and IPv6 was unbracketed (`:::22`); now `*` is dual-stack. */
  oldStyle: boolean;
}

function detectTool(lines: readonly { text: string }[]): { tool: 'netstat' | 'ss'; layout: SsLayout } {
  const rows = lines.map((l) => l.text.trim().split(/\s+/));
  const header = lines.map((l) => ssHeader.exec(l.text.trim())).find((match) => match !== null);
  const isSs = header !== undefined || rows.some((r) => ssStates.has(r[0] ?? '') || ssStates.has(r[1] ?? ''));
  if (!isSs || lines.some((l) => netstatHeader.test(l.text.trim()))) {
    return { tool: 'netstat', layout: { hasNetid: true, oldStyle: false } };
  }
  const hasNetid = header ? header[1] !== undefined : rows.some((r) => ssStates.has(r[1] ?? ''));
  const oldStyle = rows.some((r) => /^[0-9a-f]*::/i.test(r[hasNetid ? 4 : 3] ?? ''));
  return { tool: 'ss', layout: { hasNetid, oldStyle } };
}

function parseNetstatText(text: string, options: ParseOptions): ParseResult<NetstatValue> {
  const lines = numberedLines(text);
  const warnings: CappedWarnings = cappedWarnings(options.file);
  const diagnostics: Diagnostic[] = [];
  const { tool, layout } = detectTool(lines);
  const listeners: Listener[] = [];
  // Titles above netstat's `Proto` header are preamble, whatever the language (`Aktive Verbindungen`).
  const preamble = tool === 'netstat' ? lines.findIndex((l) => /^\s*Proto\s/.test(l.text)) : -1;
  let unixSection = false;
  let rows = 0;
  for (const [index, { text: raw, line }] of lines.entries()) {
    const trimmed = raw.trim();
    if (trimmed === '' || index < preamble || ssHeader.test(trimmed)) continue;
    if (/^Active /.test(trimmed)) unixSection = /^Active UNIX domain sockets/.test(trimmed);
    if (unixSection || netstatHeader.test(trimmed) || ignoredNetstatLines.test(trimmed)) continue;
    const tokens = trimmed.split(/\s+/);
    const parsed = tool === 'ss' ? ssRow(tokens, layout) : netstatRow(tokens);
    if (parsed === undefined) {
      warnings.warn('unrecognised-line', `line not recognised as a ${tool} socket row`, line);
      continue;
    }
    rows += 1;
    if (parsed === null) continue;
    if (!/^\d+$/.test(parsed.port)) {
      warnings.warn('port-not-numeric', 'port is a service name or missing; capture with -n for numeric ports', line);
      continue;
    }
    listeners.push({ ...parsed, port: Number(parsed.port), line });
  }
  if (rows === 0 && text.trim() !== '') {
    const message = `no ${tool} socket rows found in this file`;
    diagnostics.push(diagnostic('error', 'unrecognised-input', message, { file: options.file }));
  }
  return { value: { tool, listeners }, diagnostics: [...diagnostics, ...warnings.finish()] };
}

export const netstatParser = defineParser<NetstatValue>({
  id: 'netstat',
  command: 'netstat -anp | ss -lntup',
  description: 'Listening TCP and UDP sockets with their address family, port and owning process.',
  schema: NetstatValue,
  example: [
    'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name',
    'tcp        0      0 127.0.0.1:10248         0.0.0.0:*               LISTEN      8196/kubelet',
    'tcp6       0      0 :::30500                :::*                    LISTEN      1916680/kube-proxy',
    'udp        0      0 0.0.0.0:68              0.0.0.0:*                           4892/dhclient',
  ].join('\n'),
  empty: () => ({ tool: 'netstat', listeners: [] }),
  parse: parseNetstatText,
});

export function parseNetstat(text: string, options?: ParseOptions): ParseResult<NetstatValue> {
  return netstatParser.parse(text, options);
}
