import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { type ParseOptions, defineParser } from '../define-parser.js';
import { goDurationSeconds, isRecord, leafLines } from './go-json-values.js';
import { type StructuredDocument, parseStructuredOne } from '../structured-text.js';

/**
 * What ip-masq-agent does not masquerade when its config names no CIDRs: the
 * RFC 1918 ranges (kubernetes-sigs/ip-masq-agent README and NewMasqConfig in
 * cmd/ip-masq-agent). Link-local 169.254.0.0/16 is also left alone unless
 * masqLinkLocal is true; the resync interval defaults to 60s.
 */
export const ipMasqAgentDefaultNonMasqueradeCidrs = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] as const;

export const IpMasqAgentConfig = z.object({
  nonMasqueradeCIDRs: z.array(z.string()),
  nonMasqueradeCIDRsLine: z.number().int().positive().optional(),
  /** How the CIDR key was spelt: upstream `nonMasqueradeCIDRs` (camel) or TKE's `NonMasqueradeCIDRs` (pascal). */
  keySpelling: z.enum(['camel', 'pascal', 'none']),
  /** TKE's `NonMasqueradeSrcCIDRs`: sources whose traffic is never masqueraded. */
  nonMasqueradeSrcCIDRs: z.array(z.string()).optional(),
  masqLinkLocal: z.boolean().optional(),
  masqLinkLocalIPv6: z.boolean().optional(),
  resyncInterval: z.string().optional(),
  resyncIntervalSeconds: z.number().optional(),
  /** Line of every leaf by dot path as spelt in the file. */
  lines: z.record(z.string(), z.number().int().positive()),
});
export type IpMasqAgentConfig = z.infer<typeof IpMasqAgentConfig>;

const emptyIpMasqAgentConfig = (): IpMasqAgentConfig => ({ nonMasqueradeCIDRs: [], keySpelling: 'none', lines: {} });

export const ipMasqAgentConfigParser = defineParser<IpMasqAgentConfig>({
  id: 'ip-masq-agent-config',
  command: 'kubectl -n kube-system get configmap ip-masq-agent-config (TKE) or ip-masq-agent (upstream), key config',
  description: 'ip-masq-agent settings: which destination CIDRs pods reach without SNAT, link-local masquerading, resync interval.',
  schema: IpMasqAgentConfig,
  example: `NonMasqueradeCIDRs:
  - 172.16.0.0/16
  - 10.10.0.0/16
MasqLinkLocal: false
ResyncInterval: 1m0s`,
  empty: emptyIpMasqAgentConfig,
  parse(text, { file }) {
    const { document, diagnostics } = parseStructuredOne(text, { file });
    const value = emptyIpMasqAgentConfig();
    if (!document) return { value, diagnostics };
    const root = document.value ?? {};
    if (!isRecord(root)) {
      diagnostics.push(diagnostic('error', 'ip-masq-agent-not-a-mapping', 'the config is not a mapping of fields', { file, line: document.line }));
      return { value, diagnostics };
    }
    value.lines = leafLines(document, root);
    const reader = new Reader(root, document, diagnostics, file);
    const cidrs = reader.field('nonMasqueradeCIDRs');
    if (cidrs) {
      value.keySpelling = /^[A-Z]/.test(cidrs.key) ? 'pascal' : 'camel';
      value.nonMasqueradeCIDRs = reader.strings(cidrs);
      value.nonMasqueradeCIDRsLine = document.lineOf([cidrs.key]);
    } else {
      const defaults = ipMasqAgentDefaultNonMasqueradeCidrs.join(', ');
      const message = `no nonMasqueradeCIDRs: the agent uses its defaults (${defaults}), so traffic to any other destination is masqueraded`;
      diagnostics.push(diagnostic('info', 'ip-masq-agent-defaults', message, { file, line: document.line }));
    }
    const sources = reader.field('nonMasqueradeSrcCIDRs');
    if (sources) value.nonMasqueradeSrcCIDRs = reader.strings(sources);
    for (const key of ['masqLinkLocal', 'masqLinkLocalIPv6'] as const) {
      const flag = reader.field(key);
      if (flag && typeof flag.value === 'boolean') value[key] = flag.value;
      else if (flag) reader.warn('ip-masq-agent-wrong-type', `${key} must be true or false`, [flag.key]);
    }
    const resync = reader.field('resyncInterval');
    if (resync) {
      const seconds = typeof resync.value === 'string' ? goDurationSeconds(resync.value) : undefined;
      if (typeof resync.value === 'string' && seconds !== undefined) {
        value.resyncInterval = resync.value;
        value.resyncIntervalSeconds = seconds;
      } else reader.warn('ip-masq-agent-wrong-type', 'resyncInterval must be a duration string such as 60s', [resync.key]);
    }
    return { value, diagnostics };
  },
});

export function parseIpMasqAgentConfig(text: string, options?: ParseOptions) {
  return ipMasqAgentConfigParser.parse(text, options);
}

/**
 * The agent turns the YAML into JSON and decodes it with encoding/json, which
 * matches keys case-insensitively: `NonMasqueradeCIDRs` (TKE's spelling) and
 * `nonMasqueradeCIDRs` (upstream's) fill the same field, and the later one wins.
 */
class Reader {
  constructor(
    private readonly root: Record<string, unknown>,
    private readonly document: StructuredDocument,
    private readonly diagnostics: Diagnostic[],
    private readonly file: string | undefined,
  ) {}

  field(name: string): { key: string; value: unknown } | undefined {
    const matches = Object.keys(this.root).filter((key) => key.toLowerCase() === name.toLowerCase());
    const key = matches[matches.length - 1];
    if (key === undefined) return undefined;
    if (matches.length > 1) this.warn('ip-masq-agent-key-twice', `${name} is given in ${matches.length} spellings; the agent uses the last`, [key]);
    return { key, value: this.root[key] };
  }

  strings(field: { key: string; value: unknown }): string[] {
    if (field.value === null) return [];
    if (!Array.isArray(field.value)) {
      this.warn('ip-masq-agent-wrong-type', `${field.key} must be a list of CIDR strings; the agent rejects this config`, [field.key]);
      return [];
    }
    const found: string[] = [];
    field.value.forEach((item: unknown, index) => {
      if (typeof item === 'string') found.push(item.trim());
      else this.warn('ip-masq-agent-wrong-type', `entry ${index + 1} of ${field.key} is not a string`, [field.key, index]);
    });
    return found;
  }

  warn(code: string, message: string, path: (string | number)[]): void {
    const line = this.document.lineOf(path) ?? this.document.line;
    this.diagnostics.push(diagnostic('warning', code, message, { file: this.file, line }));
  }
}
