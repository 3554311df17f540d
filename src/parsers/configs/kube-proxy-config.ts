import { z } from 'zod';
import { type Diagnostic, compareDiagnostics, diagnostic } from '../../diagnostics.js';
import { type ParseOptions, defineParser } from '../define-parser.js';
import { goDurationSeconds, isRecord, leafLines } from './go-json-values.js';
import { fullyKnownMappings, ipvsSchedulers, kindMismatch, kubeProxyFields, proxyModes } from './kube-proxy-config-fields.js';
import { type StructuredDocument, parseStructuredOne } from '../structured-text.js';

const seconds = z.number().optional();

export const KubeProxyConfig = z.object({
  /** False when kube-proxy would refuse this config: syntax, duplicate keys, wrong kind, wrong types. */
  valid: z.boolean(),
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  /** `''` means the platform default (iptables on Linux). */
  mode: z.string().optional(),
  clusterCIDR: z.string().optional(),
  ipvs: z.object({
    scheduler: z.string().optional(),
    strictARP: z.boolean().optional(),
    udpTimeout: z.string().optional(),
    udpTimeoutSeconds: seconds,
    tcpTimeout: z.string().optional(),
    tcpTimeoutSeconds: seconds,
    tcpFinTimeout: z.string().optional(),
    tcpFinTimeoutSeconds: seconds,
  }),
  conntrack: z.object({ maxPerCore: z.number().int().optional(), min: z.number().int().optional() }),
  featureGates: z.record(z.string(), z.boolean()),
  /** Line of every leaf by dot path, e.g. `conntrack.maxPerCore`. */
  lines: z.record(z.string(), z.number().int().positive()),
});
export type KubeProxyConfig = z.infer<typeof KubeProxyConfig>;

const emptyKubeProxyConfig = (): KubeProxyConfig => ({ valid: false, ipvs: {}, conntrack: {}, featureGates: {}, lines: {} });

export const kubeProxyConfigParser = defineParser<KubeProxyConfig>({
  id: 'kube-proxy-config',
  command: 'kubectl -n kube-system get configmap kube-proxy (or kube-proxy-worker, kube-proxy-master; kube-proxy-config on EKS), key config.conf (config on EKS)',
  description: 'A KubeProxyConfiguration, read strictly: validity, proxy mode, IPVS scheduler and timeouts, conntrack limits.',
  schema: KubeProxyConfig,
  example: `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clusterCIDR: 172.20.0.0/16
conntrack:
  maxPerCore: 65536
mode: ipvs
ipvs:
  scheduler: lc
  udpTimeout: 10s`,
  empty: emptyKubeProxyConfig,
  parse(text, { file }) {
    const { document, diagnostics } = parseStructuredOne(text, { file, strict: true });
    const value = emptyKubeProxyConfig();
    if (!document) return { value, diagnostics };
    const root = document.value;
    if (!isRecord(root)) {
      const message = root === null ? 'the config is empty' : 'the config is not a mapping of fields';
      diagnostics.push(diagnostic('error', 'kube-proxy-config-not-a-mapping', message, { file, line: document.line }));
      return { value, diagnostics };
    }
    value.lines = leafLines(document, root);
    const check = new Checker(document, diagnostics, file);
    check.identity(root);
    check.types(root);
    check.unknownFields(root);
    fill(value, root);
    if (value.mode !== undefined && !proxyModes.has(value.mode)) check.error('kube-proxy-config-bad-mode', 'mode is not a proxy mode kube-proxy knows', ['mode']);
    if (value.ipvs.scheduler !== undefined && !ipvsSchedulers.has(value.ipvs.scheduler)) {
      check.error('kube-proxy-config-bad-scheduler', 'ipvs.scheduler is not an IPVS scheduler kube-proxy accepts', ['ipvs', 'scheduler']);
    }
    for (const key of ['maxPerCore', 'min'] as const) {
      if ((value.conntrack[key] ?? 0) < 0) check.error('kube-proxy-config-negative', `conntrack.${key} must not be negative`, ['conntrack', key]);
    }
    value.valid = !diagnostics.some((d) => d.severity === 'error');
    return { value, diagnostics: diagnostics.sort(compareDiagnostics) };
  },
});

export function parseKubeProxyConfig(text: string, options?: ParseOptions) {
  return kubeProxyConfigParser.parse(text, options);
}

class Checker {
  constructor(
    private readonly document: StructuredDocument,
    private readonly diagnostics: Diagnostic[],
    private readonly file: string | undefined,
  ) {}

  error(code: string, message: string, path: string[]): void {
    this.push('error', code, message, path);
  }

  identity(root: Record<string, unknown>): void {
    if (root.kind === undefined) this.error('kube-proxy-config-no-kind', 'kind is missing; kube-proxy cannot decode the config without it', []);
    else if (root.kind !== 'KubeProxyConfiguration') this.error('kube-proxy-config-wrong-kind', 'kind is not KubeProxyConfiguration', ['kind']);
    const apiVersion = root.apiVersion;
    if (apiVersion === undefined) this.error('kube-proxy-config-no-api-version', 'apiVersion is missing', []);
    else if (typeof apiVersion !== 'string' || !apiVersion.startsWith('kubeproxy.config.k8s.io/')) {
      this.error('kube-proxy-config-wrong-api-version', 'apiVersion is not a kubeproxy.config.k8s.io version', ['apiVersion']);
    }
  }

  types(root: Record<string, unknown>): void {
    for (const [dotted, kind] of Object.entries(kubeProxyFields)) {
      const path = dotted.split('.');
      const found = valueAt(root, path);
      if (!found.present) continue;
      const mismatch = kindMismatch(found.value, kind);
      if (mismatch) this.error('kube-proxy-config-wrong-type', `${dotted} ${mismatch}; kube-proxy will not start with this value`, path);
    }
  }

  unknownFields(root: Record<string, unknown>): void {
    for (const prefix of fullyKnownMappings) {
      const path = prefix === '' ? [] : [prefix];
      const mapping = prefix === '' ? root : root[prefix];
      if (!isRecord(mapping)) continue;
      for (const key of Object.keys(mapping)) {
        if (kubeProxyFields[[...path, key].join('.')] !== undefined) continue;
        const where = prefix === '' ? 'at the top level' : `under ${prefix}`;
        // The key itself is not quoted: the line number shows it without copying input.
        const message = `unknown field ${where} (misspelt?); kube-proxy falls back to lenient decoding and ignores it`;
        this.push('warning', 'kube-proxy-config-unknown-field', message, [...path, key]);
      }
    }
  }

  private push(severity: Diagnostic['severity'], code: string, message: string, path: string[]): void {
    const line = this.document.lineOf(path) ?? this.document.line;
    this.diagnostics.push(diagnostic(severity, code, message, { file: this.file, line }));
  }
}

function valueAt(root: Record<string, unknown>, path: string[]): { present: boolean; value?: unknown } {
  let node: unknown = root;
  for (const key of path) {
    if (!isRecord(node) || !(key in node)) return { present: false };
    node = node[key];
  }
  return { present: true, value: node };
}

/** Copies the well-typed values; wrongly typed ones were reported and are left out. */
function fill(value: KubeProxyConfig, root: Record<string, unknown>): void {
  const text = (path: string[]): string | undefined => {
    const found = valueAt(root, path).value;
    return typeof found === 'string' ? found : undefined;
  };
  const integer = (path: string[]): number | undefined => {
    const found = valueAt(root, path).value;
    return Number.isInteger(found) ? (found as number) : undefined;
  };
  const set = <T extends object, K extends keyof T>(target: T, key: K, item: T[K] | undefined): void => {
    if (item !== undefined) target[key] = item;
  };
  set(value, 'apiVersion', text(['apiVersion']));
  set(value, 'kind', text(['kind']));
  set(value, 'mode', text(['mode']));
  set(value, 'clusterCIDR', text(['clusterCIDR']));
  set(value.ipvs, 'scheduler', text(['ipvs', 'scheduler']));
  const strictARP = valueAt(root, ['ipvs', 'strictARP']).value;
  if (typeof strictARP === 'boolean') value.ipvs.strictARP = strictARP;
  for (const key of ['udpTimeout', 'tcpTimeout', 'tcpFinTimeout'] as const) {
    const duration = text(['ipvs', key]);
    const parsed = duration === undefined ? undefined : goDurationSeconds(duration);
    if (duration === undefined || parsed === undefined) continue;
    value.ipvs[key] = duration;
    value.ipvs[`${key}Seconds`] = parsed;
  }
  set(value.conntrack, 'maxPerCore', integer(['conntrack', 'maxPerCore']));
  set(value.conntrack, 'min', integer(['conntrack', 'min']));
  const gates = root.featureGates;
  if (isRecord(gates)) {
    for (const [gate, enabled] of Object.entries(gates)) if (typeof enabled === 'boolean') value.featureGates[gate] = enabled;
  }
}
