import { z } from 'zod';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import { definedOnly } from '../defined-only.js';
import { pickFields, readIbmcloudFields } from './ibmcloud-ks-fields.js';

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

function parseWorkerGetText(text: string, options: ParseOptions): ParseResult<IbmcloudKsWorkerGetValue> {
  const read = readIbmcloudFields(text, { file: options.file, what: 'worker' });
  const { values, lines } = pickFields(read.fields, mapping);
  const value = definedOnly<IbmcloudKsWorkerGetValue>({ ...values, lines: lines as Record<string, number>, failedLine: read.failedLine });
  return { value, diagnostics: [...read.diagnostics, ...read.warnings.finish()] };
}

export const ibmcloudKsWorkerGetParser = defineParser<IbmcloudKsWorkerGetValue>({
  id: 'ibmcloud-ks-worker-get',
  command: 'ibmcloud ks worker-get --cluster <cluster> --worker <worker> (ibmcloud ks worker get)',
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
