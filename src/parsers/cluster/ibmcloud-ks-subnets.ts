import { z } from 'zod';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import { definedOnly } from '../defined-only.js';
import { readIbmcloudTable, tableResult } from './ibmcloud-ks-table.js';
import { jsonRecord, jsonText, looksLikeJson, readIbmcloudJson } from './ibmcloud-ks-json.js';

export const IbmSubnet = z.object({
  id: z.string(),
  /** The subnet CIDR, as printed (IBM's own samples mask it: `169.xx.xxx.xxx/28`). */
  network: z.string().optional(),
  gateway: z.string().optional(),
  vlanId: z.string().optional(),
  /** `public` or `private`. */
  type: z.string().optional(),
  boundCluster: z.string().optional(),
  zone: z.string().optional(),
  line: z.number().int().positive(),
});
export type IbmSubnet = z.infer<typeof IbmSubnet>;

export const IbmcloudKsSubnetsValue = z.object({
  subnets: z.array(IbmSubnet),
  columns: z.array(z.string()),
  failedLine: z.number().int().positive().optional(),
});
export type IbmcloudKsSubnetsValue = z.infer<typeof IbmcloudKsSubnetsValue>;

// `ibmcloud ks subnets [--provider classic] --json`: the v1 API's subnet objects (IBM-Cloud/bluemix-go containerv1
// Subnet): `id`, `type`, `vlan_id`, and under `properties` the prefix length `cidr` ("29") with `network_identifier`
// ("169.61.252.0"), `display_label` ("169.61.252.0/29"), `gateway`, `bound_cluster` (the cluster ID) and `datacenter`.
function networkOf(properties: Record<string, unknown>): string | undefined {
  const address = jsonText(properties, 'network_identifier');
  const prefix = jsonText(properties, 'cidr')?.trim();
  if (address && prefix && /^\d+$/.test(prefix)) return `${address}/${prefix}`;
  const label = jsonText(properties, 'display_label');
  return label && label.includes('/') ? label : undefined;
}

function parseSubnetsJson(text: string, options: ParseOptions): ParseResult<IbmcloudKsSubnetsValue> {
  const { items, diagnostics } = readIbmcloudJson(text, { file: options.file, what: 'subnet', idKey: 'id' });
  const subnets = items.map(({ record, line }) => {
    const properties = jsonRecord(record.properties);
    return definedOnly<IbmSubnet>({
      id: jsonText(record, 'id') ?? '',
      network: networkOf(properties),
      gateway: jsonText(properties, 'gateway'),
      vlanId: jsonText(record, 'vlan_id'),
      type: jsonText(record, 'type'),
      boundCluster: jsonText(properties, 'bound_cluster'),
      zone: jsonText(properties, 'datacenter'),
      line,
    });
  });
  return { value: { subnets, columns: [] }, diagnostics };
}

function parseSubnetsText(text: string, options: ParseOptions): ParseResult<IbmcloudKsSubnetsValue> {
  if (looksLikeJson(text)) return parseSubnetsJson(text, options);
  const read = readIbmcloudTable(text, {
    file: options.file,
    what: 'subnet',
    isHeader: (headers) => headers[0] === 'id' && headers.includes('network') && headers.includes('vlan id'),
    isId: (id) => /^\d+$/.test(id),
  });
  const subnets = (read.table?.rows ?? []).map(({ cells, line }) =>
    definedOnly<IbmSubnet>({
      id: cells.id ?? '',
      network: cells.network,
      gateway: cells.gateway,
      vlanId: cells['vlan id'],
      type: cells.type,
      boundCluster: cells['bound cluster'],
      zone: cells.zone,
      line,
    }),
  );
  return tableResult<IbmcloudKsSubnetsValue>(read, { subnets });
}

export const ibmcloudKsSubnetsParser = defineParser<IbmcloudKsSubnetsValue>({
  id: 'ibmcloud-ks-subnets',
  command: 'ibmcloud ks subnets [--provider classic] [--json]',
  description:
    'Portable subnets of the IBM Cloud infrastructure account: network CIDR, VLAN, type and the cluster bound to it; the table form or --json ' +
    '(the API objects, whose bound_cluster is the cluster ID).',
  schema: IbmcloudKsSubnetsValue,
  example: [
    'Getting subnet list...',
    'OK',
    'ID        Network             Gateway          VLAN ID   Type      Bound Cluster',
    '1550165   10.176.215.192/26   10.176.215.193   2234947   private',
    '1602829   169.62.171.0/28     169.62.171.1     2234945   public    mycluster',
  ].join('\n'),
  empty: () => ({ subnets: [], columns: [] }),
  parse: parseSubnetsText,
});

export function parseIbmcloudKsSubnets(text: string, options?: ParseOptions): ParseResult<IbmcloudKsSubnetsValue> {
  return ibmcloudKsSubnetsParser.parse(text, options);
}
