import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { type ParseOptions, defineParser } from '../define-parser.js';
import { fieldOf, isRecord, leafLines } from './go-json-values.js';
import { parseStrictJsonObject } from './strict-json.js';
import type { StructuredDocument } from '../structured-text.js';

export const FlannelNetConf = z.object({
  network: z.string().optional(),
  ipv6Network: z.string().optional(),
  enableIPv4: z.boolean().optional(),
  enableIPv6: z.boolean().optional(),
  subnetLen: z.number().int().optional(),
  /** Backend.Type: vxlan, host-gw, ali-vpc, wireguard, udp … */
  backendType: z.string().optional(),
  vni: z.number().int().optional(),
  port: z.number().int().optional(),
  directRouting: z.boolean().optional(),
  /** Line of each leaf, by dot path as spelled in the file (`Backend.Type`). */
  lines: z.record(z.string(), z.number().int().positive()),
});
export type FlannelNetConf = z.infer<typeof FlannelNetConf>;

const emptyFlannelNetConf = (): FlannelNetConf => ({ lines: {} });

type Kind = 'string' | 'integer' | 'boolean';

// flanneld decodes net-conf.json with encoding/json: keys match case-insensitively,
// and a value of the wrong JSON type stops flanneld at start-up.
const topLevel = [
  ['Network', 'network', 'string'],
  ['IPv6Network', 'ipv6Network', 'string'],
  ['EnableIPv4', 'enableIPv4', 'boolean'],
  ['EnableIPv6', 'enableIPv6', 'boolean'],
  ['SubnetLen', 'subnetLen', 'integer'],
] as const;
const backendFields = [
  ['Type', 'backendType', 'string'],
  ['VNI', 'vni', 'integer'],
  ['Port', 'port', 'integer'],
  ['DirectRouting', 'directRouting', 'boolean'],
] as const;

export const flannelNetConfParser = defineParser<FlannelNetConf>({
  id: 'flannel-net-conf',
  command: 'kubectl -n kube-system get configmap kube-flannel-cfg (key net-conf.json)',
  description: "flannel's cluster network config: the pod network(s) and the backend (vxlan VNI/port, host-gw, ali-vpc).",
  schema: FlannelNetConf,
  example: `{
  "Network": "10.244.0.0/16",
  "Backend": {
    "Type": "vxlan",
    "VNI": 4096,
    "Port": 4789
  }
}`,
  empty: emptyFlannelNetConf,
  parse(text, { file }) {
    const parsed = parseStrictJsonObject(text, { file, what: 'net-conf.json', notAnObjectCode: 'flannel-net-conf-not-an-object' });
    const { object: root, document, diagnostics } = parsed;
    if (!root || !document) return { value: emptyFlannelNetConf(), diagnostics };
    const value = emptyFlannelNetConf();
    value.lines = leafLines(document, root);
    const read = { document, diagnostics, file, value };
    for (const [name, target, kind] of topLevel) readField(read, root, [], name, target, kind);
    const backend = fieldOf(root, 'Backend');
    if (isRecord(backend?.value)) {
      for (const [name, target, kind] of backendFields) readField(read, backend.value, [backend.key], name, target, kind);
    } else if (backend) {
      diagnostics.push(diagnostic('error', 'flannel-net-conf-wrong-type', 'Backend is not an object', { file, line: document.lineOf([backend.key]) }));
    }
    if (value.network === undefined && value.enableIPv4 !== false) {
      diagnostics.push(diagnostic('warning', 'flannel-net-conf-no-network', 'no Network: flanneld needs one unless EnableIPv4 is false', { file, line: document.line }));
    }
    if (value.enableIPv6 === true && value.ipv6Network === undefined) {
      diagnostics.push(diagnostic('warning', 'flannel-net-conf-no-ipv6-network', 'EnableIPv6 is true but IPv6Network is missing', { file, line: document.line }));
    }
    return { value, diagnostics };
  },
});

export function parseFlannelNetConf(text: string, options?: ParseOptions) {
  return flannelNetConfParser.parse(text, options);
}

interface Reading {
  document: StructuredDocument;
  diagnostics: Diagnostic[];
  file: string | undefined;
  value: FlannelNetConf;
}

function readField(
  reading: Reading,
  object: Record<string, unknown>,
  path: string[],
  name: string,
  target: 'network' | 'ipv6Network' | 'enableIPv4' | 'enableIPv6' | 'subnetLen' | 'backendType' | 'vni' | 'port' | 'directRouting',
  kind: Kind,
): void {
  const field = fieldOf(object, name);
  if (!field || field.value === null) return;
  const fits =
    kind === 'string' ? typeof field.value === 'string'
    : kind === 'boolean' ? typeof field.value === 'boolean'
    : Number.isInteger(field.value);
  if (!fits) {
    const message = `${[...path, name].join('.')} must be a JSON ${kind === 'integer' ? 'whole number' : kind}; flanneld cannot start with this value`;
    reading.diagnostics.push(diagnostic('error', 'flannel-net-conf-wrong-type', message, { file: reading.file, line: reading.document.lineOf([...path, field.key]) }));
    return;
  }
  (reading.value as Record<string, unknown>)[target] = field.value;
}
