import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import { isRecord, stringOf } from '../configs/go-json-values.js';
import { parseStructuredOne } from '../structured-text.js';

export const CalicoctlConfigValue = z.object({
  apiVersion: z.string().optional(),
  /** `CalicoAPIConfig` (v3) or `calicoApiConfig` (v1). */
  kind: z.string().optional(),
  /**
   * `v3`: `apiVersion: projectcalico.org/v3`, what calicoctl 3.x reads; `v1`: `apiVersion: v1`, what calicoctl 1.x
   * reads. Each client fails on the other with `unknown APIVersion`.
   */
  syntax: z.enum(['v3', 'v1', 'unknown']),
  /** `etcdv3`, `kubernetes` (v3) or `etcdv2` (v1). */
  datastoreType: z.string().optional(),
  /** Names of the keys under `spec` (values are not copied: they may hold inline keys and certificates). */
  specKeys: z.array(z.string()),
  /** Lines of `apiVersion`, `kind` and `spec.datastoreType`, when present. */
  lines: z.record(z.string(), z.number().int().positive()),
});
export type CalicoctlConfigValue = z.infer<typeof CalicoctlConfigValue>;

function emptyConfig(): CalicoctlConfigValue {
  return { syntax: 'unknown', specKeys: [], lines: {} };
}

function syntaxOf(apiVersion: string | undefined): CalicoctlConfigValue['syntax'] {
  if (apiVersion === 'projectcalico.org/v3') return 'v3';
  if (apiVersion === 'v1') return 'v1';
  return 'unknown';
}

function parseCalicoctlConfigText(text: string, options: ParseOptions): ParseResult<CalicoctlConfigValue> {
  const value = emptyConfig();
  const file = options.file;
  const { document, diagnostics: parsed } = parseStructuredOne(text, { file });
  const diagnostics: Diagnostic[] = [...parsed];
  if (!document) return { value, diagnostics };
  if (!isRecord(document.value)) {
    diagnostics.push(diagnostic('error', 'calicoctl-config-not-an-object', 'calicoctl.cfg must be a YAML or JSON object', { file, line: document.line }));
    return { value, diagnostics };
  }
  const config = document.value;
  const spec = isRecord(config.spec) ? config.spec : {};
  const apiVersion = stringOf(config.apiVersion);
  const kind = stringOf(config.kind);
  const datastoreType = stringOf(spec.datastoreType);
  if (apiVersion !== undefined) value.apiVersion = apiVersion;
  if (kind !== undefined) value.kind = kind;
  if (datastoreType !== undefined) value.datastoreType = datastoreType;
  value.syntax = syntaxOf(apiVersion);
  value.specKeys = Object.keys(spec).sort();
  for (const [key, path] of [
    ['apiVersion', ['apiVersion']],
    ['kind', ['kind']],
    ['spec.datastoreType', ['spec', 'datastoreType']],
  ] as const) {
    const line = document.lineOf(path);
    if (line !== undefined && (key !== 'spec.datastoreType' || datastoreType !== undefined)) value.lines[key] = line;
  }
  if (apiVersion === undefined) {
    diagnostics.push(diagnostic('warning', 'calicoctl-config-no-api-version', 'calicoctl.cfg has no apiVersion', { file, line: document.line }));
  } else if (value.syntax === 'unknown') {
    const message = 'calicoctl.cfg apiVersion is neither projectcalico.org/v3 nor v1: no calicoctl version reads it';
    diagnostics.push(diagnostic('warning', 'calicoctl-config-unknown-api-version', message, { file, line: value.lines.apiVersion }));
  }
  return { value, diagnostics };
}

export const calicoctlConfigParser = defineParser<CalicoctlConfigValue>({
  id: 'calicoctl-config',
  command: 'calicoctl.cfg (/etc/calico/calicoctl.cfg)',
  description: 'The calicoctl configuration file: its syntax version (projectcalico.org/v3 or v1), kind and datastore type.',
  schema: CalicoctlConfigValue,
  example: [
    'apiVersion: v1',
    'kind: calicoApiConfig',
    'metadata:',
    'spec:',
    '  datastoreType: etcdv2',
    '  etcdEndpoints: https://c3.us-south.containers.cloud.ibm.com:30001',
    '  etcdKeyFile: /etc/calico/certs/admin-key.pem',
  ].join('\n'),
  empty: emptyConfig,
  parse: parseCalicoctlConfigText,
});

export function parseCalicoctlConfig(text: string, options?: ParseOptions): ParseResult<CalicoctlConfigValue> {
  return calicoctlConfigParser.parse(text, options);
}
