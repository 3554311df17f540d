import { z } from 'zod';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import { definedOnly } from '../defined-only.js';
import { readIbmcloudTable, tableResult } from './ibmcloud-ks-table.js';
import { cellOf } from './ibmcloud-ks-text.js';
import { jsonText, looksLikeJson, readIbmcloudJson } from './ibmcloud-ks-json.js';

export const IbmWorker = z.object({
  id: z.string(),
  publicIp: z.string().optional(),
  /** `Private IP` (classic) or `Primary IP` (VPC). */
  privateIp: z.string().optional(),
  /** `Machine Type` in older CLIs, `Flavor` in newer ones; `free` for a free cluster. */
  flavor: z.string().optional(),
  /** `normal`, `deploying`, `provision_pending`, `critical` … */
  state: z.string().optional(),
  /** `Ready`, `NotReady`, or a message. */
  status: z.string().optional(),
  zone: z.string().optional(),
  /** Without the `*` the CLI appends when a patch update is available. */
  version: z.string().optional(),
  updateAvailable: z.boolean(),
  workerPool: z.string().optional(),
  line: z.number().int().positive(),
});
export type IbmWorker = z.infer<typeof IbmWorker>;

export const IbmcloudKsWorkersValue = z.object({
  workers: z.array(IbmWorker),
  columns: z.array(z.string()),
  failedLine: z.number().int().positive().optional(),
});
export type IbmcloudKsWorkersValue = z.infer<typeof IbmcloudKsWorkersValue>;

// `ibmcloud ks workers --json`: the API's worker objects (`privateIP`, `machineType`, `location`, `kubeVersion`, `poolName`).
function parseWorkersJson(text: string, options: ParseOptions): ParseResult<IbmcloudKsWorkersValue> {
  const { items, diagnostics } = readIbmcloudJson(text, { file: options.file, what: 'worker', idKey: 'id' });
  const workers = items.map(({ record, line }) =>
    definedOnly<IbmWorker>({
      id: jsonText(record, 'id') ?? '',
      publicIp: jsonText(record, 'publicIP'),
      privateIp: jsonText(record, 'privateIP', 'primaryIP'),
      flavor: jsonText(record, 'machineType', 'flavor'),
      state: jsonText(record, 'state'),
      status: jsonText(record, 'status'),
      zone: jsonText(record, 'location', 'zone'),
      version: jsonText(record, 'kubeVersion'),
      workerPool: jsonText(record, 'poolName'),
      updateAvailable: false,
      line,
    }),
  );
  return { value: { workers, columns: [] }, diagnostics };
}

function parseWorkersText(text: string, options: ParseOptions): ParseResult<IbmcloudKsWorkersValue> {
  if (looksLikeJson(text)) return parseWorkersJson(text, options);
  const read = readIbmcloudTable(text, {
    file: options.file,
    what: 'worker',
    isHeader: (headers) => headers[0] === 'id' && headers.includes('state') && headers.some((h) => /^(?:public|private|primary) ip$/.test(h)),
  });
  const workers = (read.table?.rows ?? []).map(({ cells, line }): IbmWorker => {
    const rawVersion = cells.version;
    return definedOnly<IbmWorker>({
      id: cells.id ?? '',
      publicIp: cells['public ip'],
      privateIp: cellOf(cells, 'private ip', 'primary ip'),
      flavor: cellOf(cells, 'flavor', 'machine type'),
      state: cells.state,
      status: cells.status,
      zone: cells.zone,
      version: rawVersion?.replace(/\*$/, ''),
      workerPool: cells['worker pool'],
      updateAvailable: rawVersion?.endsWith('*') ?? false,
      line,
    });
  });
  return tableResult<IbmcloudKsWorkersValue>(read, { workers });
}

export const ibmcloudKsWorkersParser = defineParser<IbmcloudKsWorkersValue>({
  id: 'ibmcloud-ks-workers',
  command: 'ibmcloud ks workers --cluster <cluster> [--json]',
  description: 'IBM Cloud Kubernetes Service worker nodes: IPs, flavor (machine type), state, status, zone and version.',
  schema: IbmcloudKsWorkersValue,
  example: [
    'OK',
    'ID                                                 Public IP        Private IP     Machine Type        State    Status   Zone    Version',
    'kube-dal10-cr18e61e63c6e94b658596ca93d087eed9-w1   169.47.252.42    10.176.48.67   u3c.2x4.encrypted   normal   Ready    dal10   1.13.6_1513*',
    'kube-dal10-cr18e61e63c6e94b658596ca93d087eed9-w2   169.47.252.51    10.176.48.79   u3c.2x4.encrypted   normal   Ready    dal10   1.13.6_1513*',
  ].join('\n'),
  empty: () => ({ workers: [], columns: [] }),
  parse: parseWorkersText,
});

export function parseIbmcloudKsWorkers(text: string, options?: ParseOptions): ParseResult<IbmcloudKsWorkersValue> {
  return ibmcloudKsWorkersParser.parse(text, options);
}
