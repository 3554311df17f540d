import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { cappedWarnings, numberedLines } from '../capped-warnings.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';

export const CalicoctlError = z.object({
  /**
   * `unknown-api-version`: calicoctl.cfg's apiVersion is not the client's (v3 client with a v1 file, or the reverse);
   * `resource-type-not-supported`: a v1 client asked for a v3 kind such as GlobalNetworkPolicy;
   * `cluster-info-unavailable` / `cluster-version-unknown`: the client could not read the cluster's version;
   * `version-mismatch`: client and cluster versions differ (v3.20+ refuses); `client-error`: other client failures.
   */
  kind: z.enum(['unknown-api-version', 'resource-type-not-supported', 'cluster-info-unavailable', 'cluster-version-unknown', 'version-mismatch', 'client-error']),
  apiVersion: z.string().optional(),
  resourceType: z.string().optional(),
  line: z.number().int().positive(),
});
export type CalicoctlError = z.infer<typeof CalicoctlError>;

export const CalicoctlVersionValue = z.object({
  /** `v3.x` prints `Client Version:`; calicoctl v1 printed `Version:`. */
  clientVersion: z.string().optional(),
  clientVersionLine: z.number().int().positive().optional(),
  clusterVersion: z.string().optional(),
  clusterVersionLine: z.number().int().positive().optional(),
  /** `Cluster Type: k8s,bgp,kubeadm,kdd` split on commas. */
  clusterType: z.array(z.string()),
  gitCommit: z.string().optional(),
  errors: z.array(CalicoctlError),
});
export type CalicoctlVersionValue = z.infer<typeof CalicoctlVersionValue>;

// The errors the IBM document quotes, and their neighbours:
//   Failed to create Calico API client: syntax error in calicoctl.cfg: invalid config file: unknown APIVersion 'v1'
//   Failed to get resources: Resource type 'GlobalNetworkPolicy' is not supported
const errorPatterns: [RegExp, CalicoctlError['kind'], ('apiVersion' | 'resourceType')?][] = [
  [/unknown APIVersion '([^']*)'/, 'unknown-api-version', 'apiVersion'],
  [/Resource type '([^']+)' is not supported/, 'resource-type-not-supported', 'resourceType'],
  [/^Unable to retrieve Cluster Version or Type:/, 'cluster-info-unavailable'],
  [/^Unable to detect installed Calico version$/, 'cluster-version-unknown'],
  [/Version mismatch\.?$/, 'version-mismatch'],
  [/^Failed to (?:create Calico API client|get resources|execute command):/, 'client-error'],
];

/** The calicoctl error on a line, if it is one. Usable on any captured text (a kubectl-errors file, a helm log). */
export function calicoctlErrorOf(text: string, line: number): CalicoctlError | undefined {
  for (const [pattern, kind, field] of errorPatterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    const error: CalicoctlError = { kind, line };
    if (field !== undefined && match[1] !== undefined) error[field] = match[1];
    return error;
  }
  return undefined;
}

const fields: [RegExp, 'client' | 'cluster' | 'type' | 'commit' | 'ignore'][] = [
  [/^Client Version:\s*(\S*)$/, 'client'],
  [/^Version:\s*(\S*)$/, 'client'],
  [/^Cluster Version:\s*(\S*)$/, 'cluster'],
  [/^Cluster Type:\s*(\S*)$/, 'type'],
  [/^Git commit:\s*(\S*)$/, 'commit'],
  [/^(?:Build date|Git tag ref):/, 'ignore'],
  [/^Use --allow-version-mismatch to override\.?$/, 'ignore'],
  [/^[$#] /, 'ignore'], // the command as the user typed it
];

function emptyVersion(): CalicoctlVersionValue {
  return { clusterType: [], errors: [] };
}

function parseCalicoctlVersionText(text: string, options: ParseOptions): ParseResult<CalicoctlVersionValue> {
  const value = emptyVersion();
  const warnings = cappedWarnings(options.file);
  const diagnostics: Diagnostic[] = [];
  for (const { text: raw, line } of numberedLines(text)) {
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const error = calicoctlErrorOf(trimmed, line);
    if (error) {
      value.errors.push(error);
      continue;
    }
    const field = fields.find(([pattern]) => pattern.test(trimmed));
    if (!field) {
      warnings.warn('unrecognised-line', 'line not recognised as calicoctl version output', line);
      continue;
    }
    // After `Version mismatch.` calicoctl repeats `Client Version:` with no value; only a first, non-empty value counts.
    const found = field[0].exec(trimmed)?.[1] ?? '';
    if (found === '') continue;
    if (field[1] === 'client' && value.clientVersion === undefined) Object.assign(value, { clientVersion: found, clientVersionLine: line });
    if (field[1] === 'cluster' && value.clusterVersion === undefined) Object.assign(value, { clusterVersion: found, clusterVersionLine: line });
    if (field[1] === 'type') value.clusterType = found.split(',').filter((type) => type !== '');
    if (field[1] === 'commit') value.gitCommit ??= found;
  }
  if (value.clientVersion === undefined && value.errors.length === 0) {
    diagnostics.push(diagnostic('error', 'unrecognised-input', 'no calicoctl version or error found in this file', { file: options.file }));
  }
  return { value, diagnostics: [...diagnostics, ...warnings.finish()] };
}

export const calicoctlVersionParser = defineParser<CalicoctlVersionValue>({
  id: 'calicoctl-version',
  command: 'calicoctl version',
  description:
    'calicoctl client and cluster versions and cluster type, and the calicoctl errors that mean the client, its config ' +
    'file and the cluster disagree (unknown APIVersion, resource type not supported, version mismatch).',
  schema: CalicoctlVersionValue,
  example: [
    'Client Version:    v3.3.1',
    'Git commit:        b3e5c5de',
    "Failed to create Calico API client: syntax error in calicoctl.cfg: invalid config file: unknown APIVersion 'v1'",
  ].join('\n'),
  empty: emptyVersion,
  parse: parseCalicoctlVersionText,
});

export function parseCalicoctlVersion(text: string, options?: ParseOptions): ParseResult<CalicoctlVersionValue> {
  return calicoctlVersionParser.parse(text, options);
}
