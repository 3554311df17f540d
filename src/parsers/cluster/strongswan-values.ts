import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import { isRecord } from '../configs/go-json-values.js';
import { parseStructuredOne } from '../structured-text.js';

/**
 * `helm get values <release>` of IBM's strongSwan chart (cluster/strongswan-values.yaml).
 * Helm 3 prints a `USER-SUPPLIED VALUES:` line before the YAML. `local.subnet`, `remote.subnet`
 * and `localSubnetNAT` are comma-separated strings in the chart (`--set local.subnet="172.21.0.0/16\,172.30.0.0/16"`);
 * `localSubnetNAT` pairs are `original=translated`. `preshared.secret` is the IPsec key: only its
 * presence is kept, never its value.
 */
export const StrongswanValues = z.object({
  localSubnets: z.array(z.string()),
  localSubnetNAT: z.array(z.object({ from: z.string(), to: z.string() })),
  remoteSubnets: z.array(z.string()),
  localId: z.string().optional(),
  remoteId: z.string().optional(),
  remoteGateway: z.string().optional(),
  ipsecAuto: z.string().optional(),
  keyexchange: z.string().optional(),
  loadBalancerIP: z.string().optional(),
  connectUsingLoadBalancerIP: z.boolean().optional(),
  nodeSelector: z.record(z.string(), z.string()),
  tolerations: z.number().int().nonnegative(),
  presharedSecretSet: z.boolean(),
  /** Lines of the keys read, by dot path (`local.subnet`, …). */
  lines: z.record(z.string(), z.number().int().positive()),
});
export type StrongswanValues = z.infer<typeof StrongswanValues>;

const empty = (): StrongswanValues => ({
  localSubnets: [],
  localSubnetNAT: [],
  remoteSubnets: [],
  nodeSelector: {},
  tolerations: 0,
  presharedSecretSet: false,
  lines: {},
});

// A hand-copied `--set` value may keep its escaped comma (`172.21.0.0/16\,172.30.0.0/16`).
const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/\\?,/) : []).map((s) => s.trim()).filter(Boolean);
const text = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

function parse(input: string, options: ParseOptions): ParseResult<StrongswanValues> {
  const value = empty();
  const body = input.replace(/^USER-SUPPLIED VALUES:\s*\n/, '\n');
  const { document, diagnostics: problems } = parseStructuredOne(body, { file: options.file });
  const diagnostics: Diagnostic[] = [...problems];
  if (!document) return { value, diagnostics };
  const root = document.value;
  if (root === null || root === undefined) return { value, diagnostics };
  if (!isRecord(root)) {
    diagnostics.push(diagnostic('error', 'not-a-mapping', 'helm values must be a YAML mapping', { file: options.file, line: document.line }));
    return { value, diagnostics };
  }
  const section = (key: string) => (isRecord(root[key]) ? (root[key] as Record<string, unknown>) : {});
  const local = section('local');
  const remote = section('remote');
  const ipsec = section('ipsec');
  const note = (path: string[]) => {
    const line = document.lineOf(path);
    if (line !== undefined) value.lines[path.join('.')] = line;
  };
  value.localSubnets = list(local.subnet);
  value.remoteSubnets = list(remote.subnet);
  value.localSubnetNAT = list(root.localSubnetNAT).flatMap((pair) => {
    const [from, to] = pair.split('=').map((s) => s.trim());
    return from && to ? [{ from, to }] : [];
  });
  const optional: Array<[keyof StrongswanValues, unknown, string[]]> = [
    ['localId', local.id, ['local', 'id']],
    ['remoteId', remote.id, ['remote', 'id']],
    ['remoteGateway', remote.gateway, ['remote', 'gateway']],
    ['ipsecAuto', ipsec.auto, ['ipsec', 'auto']],
    ['keyexchange', ipsec.keyexchange, ['ipsec', 'keyexchange']],
    ['loadBalancerIP', root.loadBalancerIP, ['loadBalancerIP']],
  ];
  for (const [key, raw, path] of optional) {
    const v = text(raw);
    if (v !== undefined) (value as Record<string, unknown>)[key] = v;
  }
  if (typeof root.connectUsingLoadBalancerIP === 'boolean') value.connectUsingLoadBalancerIP = root.connectUsingLoadBalancerIP;
  if (isRecord(root.nodeSelector)) {
    for (const [k, v] of Object.entries(root.nodeSelector)) if (text(v) !== undefined) value.nodeSelector[k] = text(v)!;
  }
  value.tolerations = Array.isArray(root.tolerations) ? root.tolerations.length : 0;
  value.presharedSecretSet = isRecord(root.preshared) && root.preshared.secret !== undefined && root.preshared.secret !== '';
  for (const path of [['local', 'subnet'], ['remote', 'subnet'], ['localSubnetNAT'], ['local', 'id'], ['remote', 'gateway'], ['nodeSelector'], ['tolerations']]) note(path);
  return { value, diagnostics };
}

export const strongswanValuesParser = defineParser<StrongswanValues>({
  id: 'strongswan-values',
  command: 'helm get values <release> of the IBM strongSwan chart (cluster/strongswan-values.yaml)',
  description: 'Local and remote subnets, localSubnetNAT pairs, gateway, IPsec settings and pod placement of the strongSwan VPN chart; the pre-shared key is never kept.',
  schema: StrongswanValues,
  example: [
    'USER-SUPPLIED VALUES:',
    'ipsec:',
    '  auto: add',
    'local:',
    '  id: ibmcloudus',
    '  subnet: 172.21.0.0/16,172.30.0.0/16',
    'localSubnetNAT: 10.171.42.0/24=10.10.10.0/24',
    'preshared:',
    '  secret: "********"',
    'remote:',
    '  gateway: "%any"',
    '  id: on-prem',
    '  subnet: 192.168.100.0/24',
    '',
  ].join('\n'),
  empty,
  parse,
});

export function parseStrongswanValues(input: string, options?: ParseOptions): ParseResult<StrongswanValues> {
  return strongswanValuesParser.parse(input, options);
}
