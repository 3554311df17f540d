import { z } from 'zod';
import { cappedWarnings, numberedLines } from '../capped-warnings.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';

export const HelmError = z.object({
  /**
   * `resource-exists`: a resource the chart creates is already there (a previous release was not fully deleted);
   * `release-exists` / `name-in-use`: the release name is taken; `operation-in-progress`; `other`.
   */
  kind: z.enum(['resource-exists', 'release-exists', 'name-in-use', 'operation-in-progress', 'other']),
  operation: z.enum(['install', 'upgrade', 'rollback', 'uninstall']).optional(),
  release: z.string().optional(),
  /** As printed: `deployments.extensions`, `deployments.apps`, `Deployment`, `ClusterRole`. */
  resourceType: z.string().optional(),
  resourceName: z.string().optional(),
  namespace: z.string().optional(),
  line: z.number().int().positive(),
});
export type HelmError = z.infer<typeof HelmError>;

export const HelmErrorsValue = z.object({
  errors: z.array(HelmError),
  /** `STATUS: deployed` (Helm 3) / `STATUS: DEPLOYED` (Helm 2) lines, with the `NAME:` above them. */
  statuses: z.array(z.object({ release: z.string().optional(), status: z.string(), line: z.number().int().positive() })),
});
export type HelmErrorsValue = z.infer<typeof HelmErrorsValue>;

type Details = Omit<HelmError, 'line' | 'operation' | 'release'>;

const operations: Record<string, HelmError['operation']> = {
  'INSTALLATION FAILED': 'install',
  'UPGRADE FAILED': 'upgrade',
  'ROLLBACK FAILED': 'rollback',
  'UNINSTALLATION FAILED': 'uninstall',
};

// Helm 2 and early Helm 3 pass the API server's error through:
//   Error: release vpn failed: deployments.extensions "vpn-strongswan" already exists
//   Error: INSTALLATION FAILED: deployments.apps "oracledb-19c-oracle-db" already exists
// Helm 3 checks first and names the kind instead:
//   Error: rendered manifests contain a resource that already exists. Unable to continue with install:
//     Service "web" in namespace "default" exists and cannot be imported into the current release: …   (3.2+)
//     existing resource conflict: namespace: default, name: x, existing_kind: apps/v1, Kind=Deployment, …   (3.1)
//     existing resource conflict: kind: ClusterRole, namespace: , name: cert-manager-cainjector   (3.0)
const apiExists = /^(\S+) "([^"]+)" already exists$/;
const renderedExists = /^rendered manifests contain a (?:new )?resource that already exists\. Unable to continue with \w+(?:: (.*))?$/;
const importConflict = /^(\w+) "([^"]+)" in namespace "([^"]*)" exists and cannot be imported/;
const resourceConflict = /^existing resource conflict: (?:kind: (\w+), )?namespace: ([^,]*), name: ([^,\s]+)(?:, existing_kind: [^,]*, Kind=(\w+))?/;

function existingResource(detail: string): Details {
  const imported = importConflict.exec(detail);
  if (imported) return cleaned({ kind: 'resource-exists', resourceType: imported[1], resourceName: imported[2], namespace: imported[3] });
  const conflict = resourceConflict.exec(detail);
  if (conflict) {
    const resourceType = conflict[1] ?? conflict[4];
    return cleaned({ kind: 'resource-exists', resourceType, resourceName: conflict[3], namespace: conflict[2]?.trim() });
  }
  return { kind: 'resource-exists' };
}

function cleaned(details: Details): Details {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined && v !== '')) as Details;
}

function classify(message: string): Details {
  const api = apiExists.exec(message);
  if (api) return { kind: 'resource-exists', resourceType: api[1] ?? '', resourceName: api[2] ?? '' };
  const rendered = renderedExists.exec(message);
  if (rendered) return existingResource(rendered[1] ?? '');
  if (/^a release named \S+ already exists/.test(message)) return { kind: 'release-exists' };
  if (/^cannot re-use a name that is still in use/.test(message)) return { kind: 'name-in-use' };
  if (/^another operation \(install\/upgrade\/rollback\) is in progress/.test(message)) return { kind: 'operation-in-progress' };
  return { kind: 'other' };
}

function helmError(text: string, line: number): HelmError {
  let message = text.replace(/^Error:\s*/, '');
  const error: Partial<HelmError> = {};
  const prefix = /^([A-Z]+ FAILED): /.exec(message);
  if (prefix && operations[prefix[1] ?? ''] !== undefined) {
    error.operation = operations[prefix[1] ?? ''];
    message = message.slice(prefix[0].length);
  }
  // Helm 2's install: `release vpn failed: …`; with --atomic: `release vpn failed, and has been uninstalled due to atomic …: …`.
  const failed = /^release (\S+) failed(?:, and has been [^:]*)?: /.exec(message);
  if (failed) {
    error.release = failed[1] ?? '';
    error.operation ??= 'install';
    message = message.slice(failed[0].length);
  }
  const named = /^a release named (\S+?)\.? already exists/.exec(message);
  if (named) error.release = named[1] ?? '';
  return { ...classify(message.trim()), ...error, line };
}

function parseHelmErrorsText(text: string, options: ParseOptions): ParseResult<HelmErrorsValue> {
  const value: HelmErrorsValue = { errors: [], statuses: [] };
  const warnings = cappedWarnings(options.file);
  let release: string | undefined;
  for (const { text: raw, line } of numberedLines(text)) {
    const trimmed = raw.trim();
    if (trimmed.startsWith('Error:')) {
      value.errors.push(helmError(trimmed, line));
      if ((trimmed.match(/"/g) ?? []).length % 2 === 1) warnings.warn('truncated-line', 'helm error line ends inside a quoted name: it is cut off', line);
    }
    const name = /^NAME:\s+(\S+)$/.exec(trimmed);
    if (name) release = name[1];
    const status = /^STATUS:\s+(\S+)$/.exec(trimmed);
    if (status) value.statuses.push({ ...(release === undefined ? {} : { release }), status: status[1] ?? '', line });
  }
  // Helm's other output (NOTES, resource tables, hints such as `Run: helm ls --all vpn`) is not an error: not warned about.
  return { value, diagnostics: warnings.finish() };
}

export const helmErrorsParser = defineParser<HelmErrorsValue>({
  id: 'helm-errors',
  command: 'helm install / upgrade output (helm-*.txt)',
  description:
    'The errors helm printed, classified: a resource that already exists (kind and name; e.g. a previous strongSwan ' +
    'release not fully deleted), a release name in use, an operation in progress; and STATUS lines of successful runs.',
  schema: HelmErrorsValue,
  example: 'Error: release vpn failed: deployments.extensions "vpn-strongswan" already exists',
  empty: () => ({ errors: [], statuses: [] }),
  parse: parseHelmErrorsText,
});

export function parseHelmErrors(text: string, options?: ParseOptions): ParseResult<HelmErrorsValue> {
  return helmErrorsParser.parse(text, options);
}
