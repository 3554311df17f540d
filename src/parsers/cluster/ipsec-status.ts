import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { cappedWarnings, numberedLines } from '../capped-warnings.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import { type IpsecConnection, IpsecStatusValue } from './ipsec-status-model.js';
import { type IpsecLineReader, readIpsecLine } from './ipsec-status-lines.js';

export { ChildSa, IkeSa, IpsecConnection, IpsecConnectionConfig, IpsecStatusValue } from './ipsec-status-model.js';

function emptyIpsecStatus(): IpsecStatusValue {
  return { detailed: false, configured: [], ikeSas: [], childSas: [], shunted: [], connections: [], kubectlErrorLines: [] };
}

function summarise(value: IpsecStatusValue): IpsecConnection[] {
  const byName = new Map<string, IpsecConnection>();
  const entry = (name: string, line: number): IpsecConnection => {
    const found = byName.get(name) ?? { name, ikeStates: [], childStates: [], established: false, line };
    found.line = Math.min(found.line, line);
    byName.set(name, found);
    return found;
  };
  const addState = (states: string[], state: string) => states.includes(state) || states.push(state);
  for (const config of value.configured) entry(config.name, config.line);
  for (const sa of value.ikeSas) {
    const connection = entry(sa.name, sa.line);
    addState(connection.ikeStates, sa.state);
    connection.established ||= sa.state === 'ESTABLISHED';
  }
  for (const sa of value.childSas) addState(entry(sa.name, sa.line).childStates, sa.state);
  return [...byName.values()].sort((a, b) => a.line - b.line);
}

function parseIpsecStatusText(text: string, options: ParseOptions): ParseResult<IpsecStatusValue> {
  const value = emptyIpsecStatus();
  const warnings = cappedWarnings(options.file);
  const diagnostics: Diagnostic[] = [];
  const reader: IpsecLineReader = { value, section: 'none' };
  let recognised = 0;
  for (const { text: raw, line } of numberedLines(text)) {
    if (raw.trim() === '') continue;
    const outcome = readIpsecLine(reader, raw, line);
    if (outcome === 'unknown') warnings.warn('unrecognised-line', 'line not recognised as ipsec status output', line);
    else recognised += 1;
    if (outcome === 'garbled') warnings.warn('garbled-selector', 'a traffic selector on this line is cut off or not a CIDR; it was left out', line);
  }
  value.connections = summarise(value);
  if (recognised === 0 && text.trim() !== '') {
    diagnostics.push(diagnostic('error', 'unrecognised-input', 'no ipsec status output found in this file', { file: options.file }));
  } else if (value.securityAssociations === undefined && value.daemonUnavailableLine === undefined) {
    const message = 'no `Security Associations (N up, M connecting)` line: the output is cut short or is not ipsec status';
    diagnostics.push(diagnostic('warning', 'ipsec-status-incomplete', message, { file: options.file }));
  }
  return { value, diagnostics: [...diagnostics, ...warnings.finish()] };
}

export const ipsecStatusParser = defineParser<IpsecStatusValue>({
  id: 'ipsec-status',
  command: 'ipsec status / ipsec statusall (strongSwan)',
  description:
    'strongSwan connections: IKE SAs (ESTABLISHED, CONNECTING …), CHILD SAs (INSTALLED, ROUTED …) with their traffic ' +
    'selectors, configured connections (statusall), the up/connecting counts, and a per-connection summary.',
  schema: IpsecStatusValue,
  example: [
    'Shunted Connections:',
    'Bypass LAN 169.254.1.1/32:  169.254.1.1/32 === 169.254.1.1/32 PASS',
    'Security Associations (1 up, 0 connecting):',
    '    k8s-conn[2]: ESTABLISHED 4 minutes ago, 172.30.234.209[ibm-cloud]...10.137.85.26[on-prem]',
    '    k8s-conn{1}:  INSTALLED, TUNNEL, reqid 1, ESP in UDP SPIs: cd8c72eb_i c12bd10a_o',
    '    k8s-conn{1}:   172.21.0.0/16 === 192.168.0.0/20',
  ].join('\n'),
  empty: emptyIpsecStatus,
  parse: parseIpsecStatusText,
});

export function parseIpsecStatus(text: string, options?: ParseOptions): ParseResult<IpsecStatusValue> {
  return ipsecStatusParser.parse(text, options);
}
