import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { cappedWarnings } from '../capped-warnings.js';
import { type ParseOptions, defineParser } from '../define-parser.js';
import { fieldOf } from '../configs/go-json-values.js';
import { textOf } from './hns-objects.js';
import { readPowerShellObjects } from './powershell-json.js';
import { type TableRow, cutMark, readPowerShellList, readPowerShellTable } from './powershell-table.js';

export const NetAdapter = z.object({
  /** `Ethernet`, `vEthernet (Ethernet)`, `vEthernet (nat)`, localised names such as `vEthernet (以太网)`. */
  name: z.string(),
  interfaceDescription: z.string().optional(),
  ifIndex: z.number().int().optional(),
  /** `Up`, `Disconnected`, `Disabled`, `Not Present` … */
  status: z.string().optional(),
  macAddress: z.string().optional(),
  linkSpeed: z.string().optional(),
  /** A cell was cut to fit the console (`...` / `…`); the value kept is the visible part. */
  truncated: z.boolean(),
  line: z.number().int().positive(),
});
export type NetAdapter = z.infer<typeof NetAdapter>;

export const NetAdaptersValue = z.object({ form: z.enum(['table', 'list', 'json', 'unknown']), adapters: z.array(NetAdapter) });
export type NetAdaptersValue = z.infer<typeof NetAdaptersValue>;

export const netAdaptersParser = defineParser<NetAdaptersValue>({
  id: 'net-adapters',
  command: 'Get-NetAdapter',
  description: 'Network adapters of a Windows node (default table, Format-List or ConvertTo-Json): name, description, ifIndex, status, MAC and link speed.',
  schema: NetAdaptersValue,
  example: [
    'Name                      InterfaceDescription                    ifIndex Status       MacAddress             LinkSpeed',
    '----                      --------------------                    ------- ------       ----------             ---------',
    'vEthernet (Ethernet)      Hyper-V Virtual Ethernet Adapter #2          14 Up           00-15-5D-0A-4B-02        10 Gbps',
    'vEthernet (nat)           Hyper-V Virtual Ethernet Adapter             10 Up           00-15-5D-C6-A8-1F        10 Gbps',
    'Ethernet                  Microsoft Hyper-V Network Adapter             6 Up           00-15-5D-0A-4B-02        10 Gbps',
  ].join('\n'),
  empty: () => ({ form: 'unknown', adapters: [] }),
  parse(text, { file }) {
    if (/^\s*[[{]/.test(text)) return readJson(text, file);
    const table = readPowerShellTable(text);
    const form = table.columns.includes('Name') ? 'table' : /^\s*Name\s*:/m.test(text) ? 'list' : 'unknown';
    const records = form === 'table' ? table.rows : form === 'list' ? readPowerShellList(text) : [];
    const warnings = cappedWarnings(file);
    const diagnostics: Diagnostic[] = [];
    const adapters: NetAdapter[] = [];
    for (const record of records) {
      const adapter = fromCells(record);
      if (adapter) adapters.push(adapter);
      else warnings.warn('unrecognised-line', 'line not recognised as a Get-NetAdapter row (no adapter name)', record.line);
    }
    if (form === 'table') for (const line of table.stray) warnings.warn('unrecognised-line', 'line before the Get-NetAdapter table header', line);
    if (adapters.length === 0 && text.trim() !== '') {
      diagnostics.push(diagnostic('error', 'unrecognised-input', 'no Get-NetAdapter table, list or JSON found', { file }));
    }
    return { value: { form, adapters }, diagnostics: [...diagnostics, ...warnings.finish()] };
  },
});

export function parseNetAdapters(text: string, options?: ParseOptions) {
  return netAdaptersParser.parse(text, options);
}

/** `vEthernet (Ethernet)`, `vEthernet (Ethernet 2)`: what the Windows guide's `Get-NetAdapter | ? Name -Like "vEthernet (Ethernet*"` finds. */
export function isVEthernetOnEthernet(name: string): boolean {
  return /^vEthernet \(Ethernet/i.test(name);
}

function fromCells({ cells, line }: TableRow): NetAdapter | undefined {
  const cell = (...names: string[]) => names.map((n) => cells[n]).find((v) => v !== undefined && v !== '');
  const name = cell('Name');
  if (name === undefined) return undefined;
  const adapter: NetAdapter = { name, truncated: false, line };
  const copy = (key: 'interfaceDescription' | 'status' | 'macAddress' | 'linkSpeed', value: string | undefined) => {
    if (value !== undefined) adapter[key] = value;
  };
  copy('interfaceDescription', cell('InterfaceDescription'));
  copy('status', cell('Status'));
  copy('macAddress', cell('MacAddress'));
  copy('linkSpeed', cell('LinkSpeed'));
  const index = cell('ifIndex', 'InterfaceIndex');
  if (index !== undefined && /^\d+$/.test(index)) adapter.ifIndex = Number(index);
  for (const key of ['name', 'interfaceDescription', 'status', 'macAddress', 'linkSpeed'] as const) {
    const value = adapter[key];
    if (value === undefined || !cutMark.test(value)) continue;
    adapter.truncated = true;
    adapter[key] = value.replace(cutMark, '');
  }
  return adapter;
}

function readJson(text: string, file: string | undefined) {
  const { objects, diagnostics } = readPowerShellObjects(text, file, 'Get-NetAdapter');
  const adapters: NetAdapter[] = [];
  for (const { value, line } of objects) {
    const cells: Record<string, string> = {};
    for (const key of ['Name', 'InterfaceDescription', 'Status', 'MacAddress', 'LinkSpeed']) cells[key] = textOf(value, key) ?? '';
    const index = fieldOf(value, 'ifIndex')?.value ?? fieldOf(value, 'InterfaceIndex')?.value;
    if (typeof index === 'number') cells.ifIndex = String(index);
    const adapter = fromCells({ cells, line });
    if (adapter) adapters.push(adapter);
    else diagnostics.push(diagnostic('warning', 'net-adapter-without-name', 'an object has no Name, so it is not read as an adapter', { file, line }));
  }
  return { value: { form: 'json' as const, adapters }, diagnostics };
}
