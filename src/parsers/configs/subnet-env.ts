import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { cappedWarnings, numberedLines } from '../capped-warnings.js';
import { type ParseOptions, defineParser } from '../define-parser.js';

export const SubnetEnv = z.object({
  /** FLANNEL_NETWORK: the whole cluster (pod) network. */
  network: z.string().optional(),
  /** FLANNEL_SUBNET: this node's pod subnet, written as the gateway address, e.g. 10.244.4.1/24. */
  subnet: z.string().optional(),
  mtu: z.number().int().optional(),
  ipMasq: z.boolean().optional(),
  ipv6Network: z.string().optional(),
  ipv6Subnet: z.string().optional(),
  /** Line of each key that was read. */
  lines: z.record(z.string(), z.number().int().positive()),
  /** Keys this parser does not interpret, with their values. */
  other: z.record(z.string(), z.string()),
});
export type SubnetEnv = z.infer<typeof SubnetEnv>;

const emptySubnetEnv = (): SubnetEnv => ({ lines: {}, other: {} });

const stringKeys = {
  FLANNEL_NETWORK: 'network',
  FLANNEL_SUBNET: 'subnet',
  FLANNEL_IPV6_NETWORK: 'ipv6Network',
  FLANNEL_IPV6_SUBNET: 'ipv6Subnet',
} as const;

export const subnetEnvParser = defineParser<SubnetEnv>({
  id: 'subnet-env',
  command: 'cat /run/flannel/subnet.env (Windows: C:\\run\\flannel\\subnet.env)',
  description: "flannel's per-node lease: the cluster network, this node's subnet, the MTU and whether flanneld masquerades.",
  schema: SubnetEnv,
  example: `FLANNEL_NETWORK=10.244.0.0/16
FLANNEL_SUBNET=10.244.4.1/24
FLANNEL_MTU=1450
FLANNEL_IPMASQ=true`,
  empty: emptySubnetEnv,
  parse(text, { file }) {
    const value = emptySubnetEnv();
    const warnings = cappedWarnings(file);
    let unrecognised = 0;
    let recognised = 0;
    for (const { text: raw, line } of numberedLines(text)) {
      const trimmed = raw.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      // flanneld writes bare KEY=VALUE lines; tolerate `export ` and quotes from hand-made copies.
      const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(trimmed);
      if (!match) {
        unrecognised += 1;
        warnings.warn('subnet-env-unrecognised-line', 'line is not a KEY=VALUE assignment', line);
        continue;
      }
      recognised += 1;
      const key = match[1] ?? '';
      if (key === '__proto__') {
        warnings.warn('subnet-env-unrecognised-line', 'line assigns __proto__, which is no flannel setting', line);
        continue;
      }
      if (Object.hasOwn(value.lines, key)) {
        warnings.warn('subnet-env-duplicate-key', `${key} is set more than once; the last value is used`, line);
      }
      value.lines[key] = line;
      assign(value, key, unquote(match[2] ?? ''), (message) => warnings.warn('subnet-env-bad-value', message, line));
    }
    const diagnostics: Diagnostic[] = warnings.finish();
    if (recognised === 0) {
      const message = unrecognised > 0 ? 'no KEY=VALUE line found; this is not a flannel subnet.env' : 'subnet.env is empty';
      diagnostics.push(diagnostic('error', 'subnet-env-unreadable', message, { file, line: unrecognised > 0 ? 1 : undefined }));
    } else if (value.ipv6Network === undefined && value.ipv6Subnet === undefined) {
      for (const key of ['FLANNEL_NETWORK', 'FLANNEL_SUBNET'] as const) {
        if (value.lines[key] === undefined) {
          diagnostics.push(diagnostic('warning', 'subnet-env-missing-key', `${key} is missing`, { file }));
        }
      }
    }
    return { value, diagnostics };
  },
});

export function parseSubnetEnv(text: string, options?: ParseOptions) {
  return subnetEnvParser.parse(text, options);
}

function assign(value: SubnetEnv, key: string, text: string, warn: (message: string) => void): void {
  if (Object.hasOwn(stringKeys, key)) {
    value[stringKeys[key as keyof typeof stringKeys]] = text;
  } else if (key === 'FLANNEL_MTU') {
    if (/^\d+$/.test(text)) value.mtu = Number(text);
    else warn('FLANNEL_MTU is not a whole number');
  } else if (key === 'FLANNEL_IPMASQ') {
    if (text === 'true' || text === 'false') value.ipMasq = text === 'true';
    else warn('FLANNEL_IPMASQ is neither true nor false');
  } else {
    value.other[key] = text;
  }
}

function unquote(text: string): string {
  const trimmed = text.trim();
  const quoted = trimmed.length >= 2 && (trimmed[0] === '"' || trimmed[0] === "'") && trimmed.endsWith(trimmed[0]);
  return quoted ? trimmed.slice(1, -1) : trimmed;
}
