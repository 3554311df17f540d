import { z } from 'zod';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import { definedOnly } from '../defined-only.js';
import { readIbmcloudTable, tableResult } from './ibmcloud-ks-table.js';
import { cellOf } from './ibmcloud-ks-text.js';
import { jsonBoolean, jsonText, looksLikeJson, readIbmcloudJson } from './ibmcloud-ks-json.js';

export const IbmAlb = z.object({
  id: z.string(),
  enabled: z.boolean().optional(),
  /** Older CLIs: `Status` = `enabled`/`disabled`; newer ones print that as `State` and health as `Status`. */
  status: z.string().optional(),
  state: z.string().optional(),
  /** `public` or `private`. */
  type: z.string().optional(),
  /** Classic clusters: `ALB IP`; VPC clusters: `Load Balancer Hostname`. */
  ip: z.string().optional(),
  hostname: z.string().optional(),
  zone: z.string().optional(),
  build: z.string().optional(),
  vlanId: z.string().optional(),
  nlbVersion: z.string().optional(),
  line: z.number().int().positive(),
});
export type IbmAlb = z.infer<typeof IbmAlb>;

export const IbmcloudKsAlbsValue = z.object({
  albs: z.array(IbmAlb),
  columns: z.array(z.string()),
  failedLine: z.number().int().positive().optional(),
});
export type IbmcloudKsAlbsValue = z.infer<typeof IbmcloudKsAlbsValue>;

function booleanOf(text: string | undefined): boolean | undefined {
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

// `ibmcloud ks albs --json`: the ALB API's objects (`albID`, `enable`, `state`, `albType`, `albip`, `zone`, `vlanID`),
// as a list or under `alb` of the cluster's ALB object.
function parseAlbsJson(text: string, options: ParseOptions): ParseResult<IbmcloudKsAlbsValue> {
  const { items, diagnostics } = readIbmcloudJson(text, { file: options.file, what: 'ALB', idKey: 'albID', listKey: 'alb' });
  const albs = items.map(({ record, line }) =>
    definedOnly<IbmAlb>({
      id: jsonText(record, 'albID') ?? '',
      enabled: jsonBoolean(record, 'enable'),
      state: jsonText(record, 'state'),
      status: jsonText(record, 'status'),
      type: jsonText(record, 'albType'),
      ip: jsonText(record, 'albip'),
      hostname: jsonText(record, 'loadBalancerHostname'),
      zone: jsonText(record, 'zone'),
      build: jsonText(record, 'albBuild'),
      vlanId: jsonText(record, 'vlanID'),
      nlbVersion: jsonText(record, 'nlbVersion'),
      line,
    }),
  );
  return { value: { albs, columns: [] }, diagnostics };
}

function parseAlbsText(text: string, options: ParseOptions): ParseResult<IbmcloudKsAlbsValue> {
  if (looksLikeJson(text)) return parseAlbsJson(text, options);
  const read = readIbmcloudTable(text, {
    file: options.file,
    what: 'ALB',
    isHeader: (headers) => headers[0] === 'alb id',
    isId: (id) => /^(?:public|private)-\S+$/.test(id),
  });
  const albs = (read.table?.rows ?? []).map(({ cells, line }) =>
    definedOnly<IbmAlb>({
      id: cells['alb id'] ?? '',
      enabled: booleanOf(cells.enabled),
      status: cells.status,
      state: cells.state,
      type: cells.type,
      ip: cellOf(cells, 'alb ip'),
      hostname: cellOf(cells, 'load balancer hostname'),
      zone: cells.zone,
      build: cells.build,
      vlanId: cells['alb vlan id'],
      nlbVersion: cells['nlb version'],
      line,
    }),
  );
  return tableResult<IbmcloudKsAlbsValue>(read, { albs });
}

export const ibmcloudKsAlbsParser = defineParser<IbmcloudKsAlbsValue>({
  id: 'ibmcloud-ks-albs',
  command: 'ibmcloud ks albs --cluster <cluster> [--json] (ibmcloud ks ingress alb ls)',
  description: 'Ingress ALBs of an IBM Cloud cluster: enabled, status, public/private, IP or hostname, zone, build and VLAN.',
  schema: IbmcloudKsAlbsValue,
  example: [
    'ALB ID                                            Enabled    Status     Type      ALB IP           Zone    Build                          ALB VLAN ID',
    'private-cr96039a75fddb4ad1a09ced6699c88888-alb1   false      disabled   private   -                dal10   ingress:411/ingress-auth:315   2294021',
    'public-cr96039a75fddb4ad1a09ced6699c88888-alb1    true       enabled    public    169.62.196.238   dal10   ingress:411/ingress-auth:315   2294019',
  ].join('\n'),
  empty: () => ({ albs: [], columns: [] }),
  parse: parseAlbsText,
});

export function parseIbmcloudKsAlbs(text: string, options?: ParseOptions): ParseResult<IbmcloudKsAlbsValue> {
  return ibmcloudKsAlbsParser.parse(text, options);
}
