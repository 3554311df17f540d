import { z } from 'zod';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import { definedOnly } from '../defined-only.js';
import { pickFields, readIbmcloudFields } from './ibmcloud-ks-fields.js';
import { jsonBoolean, jsonKeyLine, jsonRecord, jsonRecords, jsonText, lineAt, looksLikeJson, readIbmcloudJson } from './ibmcloud-ks-json.js';

const Text = z.string().optional();

export const IbmSubnetVlan = z.object({
  vlanId: z.string(),
  subnetCidr: z.string().optional(),
  public: z.boolean().optional(),
  userManaged: z.boolean().optional(),
  line: z.number().int().positive(),
});
export type IbmSubnetVlan = z.infer<typeof IbmSubnetVlan>;

export const IbmcloudKsClusterGetValue = z.object({
  name: Text,
  id: Text,
  /** `normal`, `deploying`, `warning`, `critical` … */
  state: Text,
  status: Text,
  location: Text,
  version: Text,
  /** Empty (absent) in a `normal` cluster is the document's "no Ingress subdomain" symptom. */
  ingressSubdomain: Text,
  /** The IBM-provided Ingress secret; an imported ALB secret of the same name fails. */
  ingressSecret: Text,
  ingressStatus: Text,
  workers: z.number().int().nonnegative().optional(),
  workerZones: z.array(z.string()),
  podSubnet: Text,
  serviceSubnet: Text,
  /** `Master Status:` (older CLIs) or `Status:` under the `Master` section (newer). */
  masterStatus: Text,
  /** `--showResources`: the `Subnet VLANs` table. */
  subnetVlans: z.array(IbmSubnetVlan),
  /** Line of each field read above, by property name. */
  lines: z.record(z.string(), z.number().int().positive()),
  failedLine: z.number().int().positive().optional(),
});
export type IbmcloudKsClusterGetValue = z.infer<typeof IbmcloudKsClusterGetValue>;

const mapping = {
  name: ['name'],
  id: ['id'],
  state: ['state'],
  status: ['status'],
  location: ['location'],
  version: ['version'],
  ingressSubdomain: ['ingress subdomain'],
  ingressSecret: ['ingress secret'],
  ingressStatus: ['ingress status'],
  workers: ['workers'],
  workerZones: ['worker zones'],
  podSubnet: ['pod subnet'],
  serviceSubnet: ['service subnet'],
  masterStatus: ['master status'],
} as const;

const booleanOf = (text: string | undefined): boolean | undefined => (text === 'true' ? true : text === 'false' ? false : undefined);

function emptyClusterGet(): IbmcloudKsClusterGetValue {
  return { workerZones: [], subnetVlans: [], lines: {} };
}

// `ibmcloud ks cluster get --cluster <c> [--show-resources] --json`: the v1 API's ClusterInfo object
// (IBM-Cloud/bluemix-go containerv1: `ingressHostname`, `ingressSecretName`, `masterKubeVersion`, `workerCount`,
// `workerZones`, `masterStatus`, and with --show-resources `vlans[].subnets[]` {cidr, is_public}).
const jsonKeys: Array<[keyof typeof mapping, string]> = [
  ['name', 'name'],
  ['id', 'id'],
  ['state', 'state'],
  ['status', 'status'],
  ['location', 'location'],
  ['version', 'masterKubeVersion'],
  ['ingressSubdomain', 'ingressHostname'],
  ['ingressSecret', 'ingressSecretName'],
  ['workers', 'workerCount'],
  ['workerZones', 'workerZones'],
  ['podSubnet', 'podSubnet'],
  ['serviceSubnet', 'serviceSubnet'],
  ['masterStatus', 'masterStatus'],
];

function parseClusterGetJson(text: string, options: ParseOptions): ParseResult<IbmcloudKsClusterGetValue> {
  const { items, diagnostics } = readIbmcloudJson(text, { file: options.file, what: 'cluster', idKey: 'id' });
  const record = items[0]?.record;
  if (!record) return { value: emptyClusterGet(), diagnostics };
  const values: Record<string, string> = {};
  const lines: Record<string, number> = {};
  for (const [property, key] of jsonKeys) {
    const value = property === 'workerZones' ? undefined : jsonText(record, key);
    const present = value !== undefined || (property === 'workerZones' && Array.isArray(record[key]) && (record[key] as unknown[]).length > 0);
    if (value !== undefined) values[property] = value;
    const line = present ? jsonKeyLine(text, key) : undefined;
    if (line !== undefined) lines[property] = line;
  }
  const workers = typeof record.workerCount === 'number' && Number.isInteger(record.workerCount) && record.workerCount >= 0 ? record.workerCount : undefined;
  if (workers === undefined) delete lines.workers;
  const vlansLine = jsonKeyLine(text, 'vlans') ?? 1;
  const subnetVlans: IbmSubnetVlan[] = [];
  let from = 0;
  for (const vlan of jsonRecords(record.vlans)) {
    for (const subnet of jsonRecords(jsonRecord(vlan).subnets)) {
      const cidr = jsonText(subnet, 'cidr');
      const at = cidr === undefined ? -1 : text.indexOf(JSON.stringify(cidr), from);
      if (at >= 0) from = at + 1;
      subnetVlans.push(
        definedOnly<IbmSubnetVlan>({ vlanId: jsonText(vlan, 'id') ?? '', subnetCidr: cidr, public: jsonBoolean(subnet, 'is_public'), line: at >= 0 ? lineAt(text, at) : vlansLine }),
      );
    }
  }
  const value: IbmcloudKsClusterGetValue = definedOnly({
    ...values,
    workers,
    workerZones: Array.isArray(record.workerZones) ? record.workerZones.filter((z): z is string => typeof z === 'string' && z !== '') : [],
    subnetVlans,
    lines,
  });
  return { value, diagnostics };
}

function parseClusterGetText(text: string, options: ParseOptions): ParseResult<IbmcloudKsClusterGetValue> {
  if (looksLikeJson(text)) return parseClusterGetJson(text, options);
  const read = readIbmcloudFields(text, { file: options.file, what: 'cluster' });
  const { values, lines } = pickFields(read.fields, mapping);
  const master = read.sections.get('master');
  // Newer CLIs moved `Master Status:` and the version into a `Master` section (`Status:`, `Version:` under it).
  for (const [property, key] of [
    ['masterStatus', 'status'],
    ['version', 'version'],
  ] as const) {
    const field = master?.fields.get(key);
    if (values[property] !== undefined || field === undefined) continue;
    values[property] = field.value;
    lines[property] = field.line;
  }
  const workers = values.workers !== undefined && /^\d+$/.test(values.workers) ? Number(values.workers) : undefined;
  if (workers === undefined) delete lines.workers;
  const value: IbmcloudKsClusterGetValue = definedOnly({
    ...values,
    workers,
    workerZones: (values.workerZones ?? '').split(',').map((zone) => zone.trim()).filter((zone) => zone !== ''),
    subnetVlans: (read.sections.get('subnet vlans')?.table?.rows ?? []).map(({ cells, line }) =>
      definedOnly<IbmSubnetVlan>({
        vlanId: cells['vlan id'] ?? '',
        subnetCidr: cells['subnet cidr'],
        public: booleanOf(cells.public),
        userManaged: booleanOf(cells['user-managed']),
        line,
      }),
    ),
    lines: lines as Record<string, number>,
    failedLine: read.failedLine,
  });
  return { value, diagnostics: [...read.diagnostics, ...read.warnings.finish()] };
}

export const ibmcloudKsClusterGetParser = defineParser<IbmcloudKsClusterGetValue>({
  id: 'ibmcloud-ks-cluster-get',
  command: 'ibmcloud ks cluster-get --cluster <cluster> [--showResources] [--json] (ibmcloud ks cluster get)',
  description:
    'An IBM Cloud cluster’s state, Ingress subdomain and secret, workers, zones, version and master status, and with ' +
    '--showResources its subnet VLANs; the table form or --json (the API object).',
  schema: IbmcloudKsClusterGetValue,
  example: [
    'Name:                           mycluster',
    'ID:                             df253b6025d64944ab99ed63bb4567b6',
    'State:                          normal',
    'Ingress Subdomain:              -',
    'Ingress Secret:                 mycluster',
    'Workers:                        6',
    'Worker Zones:                   dal10, dal12',
    'Version:                        1.13.6_1524',
  ].join('\n'),
  empty: emptyClusterGet,
  parse: parseClusterGetText,
});

export function parseIbmcloudKsClusterGet(text: string, options?: ParseOptions): ParseResult<IbmcloudKsClusterGetValue> {
  return ibmcloudKsClusterGetParser.parse(text, options);
}
