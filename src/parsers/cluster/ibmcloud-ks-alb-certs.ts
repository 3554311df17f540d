import { z } from 'zod';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import { definedOnly } from '../defined-only.js';
import { readIbmcloudTable, tableResult } from './ibmcloud-ks-table.js';
import { cellOf } from './ibmcloud-ks-text.js';
import { jsonText, looksLikeJson, readIbmcloudJson } from './ibmcloud-ks-json.js';

export const IbmAlbCert = z.object({
  secretName: z.string(),
  namespace: z.string().optional(),
  domain: z.string().optional(),
  /** `created`, `updated`, or a failure: `create_failed`, `update_failed`, `delete_failed`. */
  status: z.string().optional(),
  /** The status is one of the `*_failed` phases the document describes. */
  failed: z.boolean(),
  crn: z.string().optional(),
  expiresOn: z.string().optional(),
  line: z.number().int().positive(),
});
export type IbmAlbCert = z.infer<typeof IbmAlbCert>;

export const IbmcloudKsAlbCertsValue = z.object({
  certs: z.array(IbmAlbCert),
  columns: z.array(z.string()),
  failedLine: z.number().int().positive().optional(),
});
export type IbmcloudKsAlbCertsValue = z.infer<typeof IbmcloudKsAlbCertsValue>;

const nameHeaders = ['secret name', 'name'];
const statusHeaders = ['secret status', 'status', 'state'];

// `ibmcloud ks alb-certs --json`: the API's ALB secret objects (`secretName`, `domainName`, `state`, `certCrn`, `expiresOn`).
function parseAlbCertsJson(text: string, options: ParseOptions): ParseResult<IbmcloudKsAlbCertsValue> {
  const { items, diagnostics } = readIbmcloudJson(text, { file: options.file, what: 'ALB secret', idKey: 'secretName', listKey: 'albSecrets' });
  const certs = items.map(({ record, line }) => {
    const status = jsonText(record, 'state', 'status');
    return definedOnly<IbmAlbCert>({
      secretName: jsonText(record, 'secretName', 'name') ?? '',
      namespace: jsonText(record, 'namespace'),
      domain: jsonText(record, 'domainName', 'domain'),
      status,
      failed: status !== undefined && /_failed$/.test(status),
      crn: jsonText(record, 'certCrn', 'crn'),
      expiresOn: jsonText(record, 'expiresOn'),
      line,
    });
  });
  return { value: { certs, columns: [] }, diagnostics };
}

function parseAlbCertsText(text: string, options: ParseOptions): ParseResult<IbmcloudKsAlbCertsValue> {
  if (looksLikeJson(text)) return parseAlbCertsJson(text, options);
  const read = readIbmcloudTable(text, {
    file: options.file,
    what: 'ALB secret',
    isHeader: (headers) => nameHeaders.includes(headers[0] ?? '') && headers.some((h) => statusHeaders.includes(h)),
    // Kubernetes secret names.
    isId: (name) => /^[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?$/.test(name),
  });
  const certs = (read.table?.rows ?? []).map(({ cells, line }) => {
    const status = cellOf(cells, ...statusHeaders);
    return definedOnly<IbmAlbCert>({
      secretName: cellOf(cells, ...nameHeaders) ?? '',
      namespace: cells.namespace,
      domain: cellOf(cells, 'domain', 'domain name'),
      status,
      failed: status !== undefined && /_failed$/.test(status),
      crn: cellOf(cells, 'crn', 'cert crn', 'certificate crn'),
      expiresOn: cellOf(cells, 'expires on'),
      line,
    });
  });
  return tableResult<IbmcloudKsAlbCertsValue>(read, { certs });
}

export const ibmcloudKsAlbCertsParser = defineParser<IbmcloudKsAlbCertsValue>({
  id: 'ibmcloud-ks-alb-certs',
  command: 'ibmcloud ks alb-certs --cluster <cluster> [--json]',
  description: 'ALB secrets imported from Certificate Manager: secret name, domain and status (create_failed, update_failed …).',
  schema: IbmcloudKsAlbCertsValue,
  example: [
    'OK',
    'Secret Name   Domain                                            Secret Status   Persisted',
    'mycluster     *.mycluster.us-south.containers.appdomain.cloud   created         true',
    'shop-tls      shop.example.com                                  create_failed   false',
  ].join('\n'),
  empty: () => ({ certs: [], columns: [] }),
  parse: parseAlbCertsText,
});

export function parseIbmcloudKsAlbCerts(text: string, options?: ParseOptions): ParseResult<IbmcloudKsAlbCertsValue> {
  return ibmcloudKsAlbCertsParser.parse(text, options);
}
