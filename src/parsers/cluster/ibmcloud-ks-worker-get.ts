import { z } from 'zod';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import { definedOnly } from '../defined-only.js';
import { pickFields, readIbmcloudFields } from './ibmcloud-ks-fields.js';
import { jsonText, looksLikeJson, readIbmcloudJson } from './ibmcloud-ks-json.js';

const Text = z.string().optional();

export const IbmcloudKsWorkerGetValue = z.object({
  id: Text,
  state: Text,
  status: Text,
  /** VLAN ids; the document compares them with the node's `privateVLAN` / `publicVLAN` labels. */
  privateVlan: Text,
  publicVlan: Text,
  privateIp: Text,
  publicIp: Text,
  hardware: Text,
  flavor: Text,
  zone: Text,
  version: Text,
  /** Line of each field read above, by property name. */
  lines: z.record(z.string(), z.number().int().positive()),
  failedLine: z.number().int().positive().optional(),
});
export type IbmcloudKsWorkerGetValue = z.infer<typeof IbmcloudKsWorkerGetValue>;

const mapping = {
  id: ['id'],
  state: ['state'],
  status: ['status'],
  privateVlan: ['private vlan'],
  publicVlan: ['public vlan'],
  privateIp: ['private ip', 'primary ip'],
  publicIp: ['public ip'],
  hardware: ['hardware'],
  flavor: ['flavor', 'machine type'],
  zone: ['zone'],
  version: ['version'],
} as const;

const jsonKeys: Record<keyof typeof mapping, string[]> = {
  id: ['id'],
  state: ['state'],
  status: ['status'],
  privateVlan: ['privateVlan'],
  publicVlan: ['publicVlan'],
  privateIp: ['privateIP', 'primaryIP'],
  publicIp: ['publicIP'],
  hardware: ['isolation'],
  flavor: ['machineType', 'flavor'],
  zone: ['location', 'zone'],
  version: ['kubeVersion'],
};

// `ibmcloud ks worker-get --json`: the API's worker object (`privateVlan`, `publicVlan`, `privateIP`, `machineType`, `location`).
function parseWorkerGetJson(text: string, options: ParseOptions): ParseResult<IbmcloudKsWorkerGetValue> {
  const { items, diagnostics } = readIbmcloudJson(text, { file: options.file, what: 'worker', idKey: 'id' });
  const item = items[0];
  const value: Record<string, unknown> = { lines: {} };
  if (item) {
    for (const [property, keys] of Object.entries(jsonKeys)) {
      const found = jsonText(item.record, ...keys);
      if (found === undefined) continue;
      value[property] = found;
      (value.lines as Record<string, number>)[property] = item.line;
    }
  }
  return { value: value as IbmcloudKsWorkerGetValue, diagnostics };
}

function parseWorkerGetText(text: string, options: ParseOptions): ParseResult<IbmcloudKsWorkerGetValue> {
  if (looksLikeJson(text)) return parseWorkerGetJson(text, options);
  const read = readIbmcloudFields(text, { file: options.file, what: 'worker' });
  const { values, lines } = pickFields(read.fields, mapping);
  const value = definedOnly<IbmcloudKsWorkerGetValue>({ ...values, lines: lines as Record<string, number>, failedLine: read.failedLine });
  return { value, diagnostics: [...read.diagnostics, ...read.warnings.finish()] };
}

export const ibmcloudKsWorkerGetParser = defineParser<IbmcloudKsWorkerGetValue>({
  id: 'ibmcloud-ks-worker-get',
  command: 'ibmcloud ks worker-get --cluster <cluster> --worker <worker> [--json] (ibmcloud ks worker get)',
  description: 'One IBM Cloud worker node: state, status, private and public VLAN ids and IPs, zone and version.',
  schema: IbmcloudKsWorkerGetValue,
  example: [
    'ID:           kube-dal10-cr18a61a63a6a94b658596aa93d087aaa9-w1',
    'State:        normal',
    'Status:       Ready',
    'Private VLAN: 2234947',
    'Public VLAN:  2234945',
    'Private IP:   10.176.48.67',
    'Public IP:    169.47.252.42',
    'Zone:         dal10',
  ].join('\n'),
  empty: () => ({ lines: {} }),
  parse: parseWorkerGetText,
});

export function parseIbmcloudKsWorkerGet(text: string, options?: ParseOptions): ParseResult<IbmcloudKsWorkerGetValue> {
  return ibmcloudKsWorkerGetParser.parse(text, options);
}
