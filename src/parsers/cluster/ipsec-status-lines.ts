import { isValidCidr } from '../../cidr/index.js';
import type { ChildSa, IpsecStatusValue } from './ipsec-status-model.js';

/**
 * One line of strongSwan's `ipsec status[all]` (stroke_list.c). Names are
 * printed right-aligned in 12 columns, then `[unique id]` for an IKE SA and
 * `{reqid or unique id}` for a CHILD SA:
 *     k8s-conn[2]: ESTABLISHED 4 minutes ago, 172.30.234.209[ibm-cloud]...10.137.85.26[on-prem]
 *     k8s-conn{1}:  INSTALLED, TUNNEL, reqid 1, ESP in UDP SPIs: cd8c72eb_i c12bd10a_o
 *     k8s-conn{1}:   172.21.0.0/16 === 192.168.0.0/20
 */
export type IpsecSection = 'none' | 'daemon' | 'pools' | 'listening' | 'connections' | 'shunted' | 'routed' | 'sas';

export interface IpsecLineReader {
  value: IpsecStatusValue;
  section: IpsecSection;
}

const sectionHeaders: [RegExp, IpsecSection][] = [
  [/^Virtual IP pools \(size\/online\/offline\):$/, 'pools'],
  [/^Listening IP addresses:$/, 'listening'],
  [/^Connections:$/, 'connections'],
  [/^Shunted Connections:$/, 'shunted'],
  [/^Routed Connections:$/, 'routed'],
];
const daemonHeader = /^Status of IKE charon daemon \(\w*Swan ([^,)]+)/;
const saHeader = /^Security Associations \((\d+) up, (\d+) connecting\):$/;
const configLine = /^(.+?):\s+(\S+)\.\.\.(\S+)\s+(IKEv1|IKEv2|IKE)\b/;
const configDetail = /^(.+?):\s+(?:local|remote|ca|im-ca|cert|ocsp|crl|group):/;
const configChild = /^(.+?):\s+child:\s+(.*?)\s*===\s*(.*?)\s*\b(TUNNEL|TRANSPORT|BEET|PASS|DROP)\b/;
const shuntLine = /^(.+?):\s+.*?===.*?\b(?:PASS|DROP)$/;
const childLine = /^(.+?)\{(\d+)\}:\s+(.*)$/;
const childState = /^([A-Z_]+), ([A-Z_]+)(.*)$/;
const ikeLine = /^(.+?)\[(\d+)\]:\s+(.*)$/;
const ikeState = /^([A-Z_]+)(?: (.+?) ago)?, (.*?)\.\.\.(.*)$/;
const ikeStates = new Set(['CREATED', 'CONNECTING', 'ESTABLISHED', 'PASSIVE', 'REKEYING', 'REKEYED', 'DELETING', 'DESTROYING']);
const daemonDown = /(?:connecting to '.*charon\.ctl' failed|failed to connect to stroke socket)/;
const kubectlNoise = /^(?:error: |Error from server|Unable to connect to the server|The connection to the server )/;
const exitCode = /^command terminated with exit code \d+$/;
const noSas = /^(?:none|no match)$/;

/** Host of `host[identity]`, the identity dropped: it may be an e-mail or a DN. */
const hostOf = (endpoint: string): string => endpoint.replace(/\[.*\]$/, '').trim();
const selectors = (text: string): string[] => text.trim().split(/\s+/).filter((ts) => ts !== '');
/** A traffic selector: a CIDR or address, optionally `[protocol/port]`, or `dynamic`. */
const isSelector = (ts: string): boolean => ts === 'dynamic' || isValidCidr(ts.replace(/\[[^\]]*\]$/, ''));

export type IpsecLineOutcome = 'read' | 'unknown' | 'garbled';

function readChild(reader: IpsecLineReader, name: string, id: number, rest: string, line: number): IpsecLineOutcome {
  const state = childState.exec(rest);
  if (state) {
    const sa: ChildSa = { name, id, state: state[1] ?? '', mode: state[2] ?? '', localTs: [], remoteTs: [], line };
    const reqid = /, reqid (\d+)/.exec(state[3] ?? '');
    if (reqid) sa.reqid = Number(reqid[1]);
    reader.value.childSas.push(sa);
    return 'read';
  }
  const known = [...reader.value.childSas].reverse().find((sa) => sa.name === name && sa.id === id);
  const ts = /^(.*?)===(.*)$/.exec(rest);
  if (ts && known) {
    const local = selectors(ts[1] ?? '');
    const remote = selectors(ts[2] ?? '');
    known.localTs = local.filter(isSelector);
    known.remoteTs = remote.filter(isSelector);
    return known.localTs.length === local.length && known.remoteTs.length === remote.length ? 'read' : 'garbled';
  }
  // statusall's second CHILD line: `AES_CBC_128/HMAC_SHA1_96, 0 bytes_i, 0 bytes_o, rekeying in 45 minutes`.
  return known !== undefined && /bytes_i/.test(rest) ? 'read' : 'unknown';
}

function readIke(reader: IpsecLineReader, name: string, id: number, rest: string, line: number): boolean {
  const state = ikeState.exec(rest);
  if (state && ikeStates.has(state[1] ?? '')) {
    const sa = { name, id, state: state[1] ?? '', local: hostOf(state[3] ?? ''), remote: hostOf(state[4] ?? ''), line };
    reader.value.ikeSas.push(state[2] === undefined ? sa : { ...sa, establishedFor: state[2] });
    return true;
  }
  // statusall detail lines: `IKEv2 SPIs: …`, `IKE proposal: …`, `Tasks queued: …`, `Remote EAP identity: …`.
  return reader.value.ikeSas.some((sa) => sa.name === name && sa.id === id);
}

function readConnectionsLine(reader: IpsecLineReader, text: string, line: number): boolean {
  const config = configLine.exec(text);
  if (config) {
    reader.value.configured.push({ name: config[1] ?? '', local: config[2] ?? '', remote: config[3] ?? '', ikeVersion: config[4] ?? '', children: [], line });
    return true;
  }
  const child = configChild.exec(text);
  const last = reader.value.configured[reader.value.configured.length - 1];
  if (child && last) {
    last.children.push({ name: child[1] ?? '', localTs: selectors(child[2] ?? ''), remoteTs: selectors(child[3] ?? ''), mode: child[4] ?? '', line });
    return true;
  }
  return configDetail.test(text);
}

/** Reads one non-blank line into `reader.value`; 'unknown' when it is not ipsec status output. */
export function readIpsecLine(reader: IpsecLineReader, raw: string, line: number): IpsecLineOutcome {
  const text = raw.trim();
  const value = reader.value;
  const version = daemonHeader.exec(text);
  if (version) {
    value.detailed = true;
    value.version = version[1] ?? '';
    reader.section = 'daemon';
    return 'read';
  }
  const header = sectionHeaders.find(([pattern]) => pattern.test(text));
  if (header) {
    reader.section = header[1];
    if (header[1] === 'connections') value.detailed = true;
    return 'read';
  }
  const counts = saHeader.exec(text);
  if (counts) {
    value.securityAssociations = { up: Number(counts[1]), connecting: Number(counts[2]), line };
    reader.section = 'sas';
    return 'read';
  }
  if (daemonDown.test(text)) {
    value.daemonUnavailableLine ??= line;
    return 'read';
  }
  if (kubectlNoise.test(text)) {
    value.kubectlErrorLines.push(line);
    return 'read';
  }
  if (exitCode.test(text)) return 'read';
  const indented = /^\s/.test(raw);
  switch (reader.section) {
    case 'daemon':
    case 'pools':
    case 'listening':
      // `  uptime: …`, `  loaded plugins: …`, `  pool: 1/0/0`, `  10.0.0.1`
      return indented ? 'read' : 'unknown';
    case 'connections':
      return readConnectionsLine(reader, text, line) ? 'read' : 'unknown';
    case 'shunted': {
      const shunt = shuntLine.exec(text);
      if (!shunt) return 'unknown';
      value.shunted.push({ name: shunt[1] ?? '', line });
      return 'read';
    }
    case 'routed':
    case 'sas': {
      if (noSas.test(text)) return 'read';
      const child = childLine.exec(text);
      if (child) return readChild(reader, child[1] ?? '', Number(child[2]), child[3] ?? '', line);
      const ike = ikeLine.exec(text);
      if (ike && reader.section === 'sas') return readIke(reader, ike[1] ?? '', Number(ike[2]), ike[3] ?? '', line) ? 'read' : 'unknown';
      return 'unknown';
    }
    default:
      return 'unknown';
  }
}
