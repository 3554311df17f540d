import type * as Sarif from 'sarif';
import { builtinRules } from '../catalog/builtin-catalog.js';
import type { RuleDefinition, Severity } from '../catalog/rule-schema.js';
import type { Diagnostic } from '../diagnostics.js';
import { findingFingerprint } from '../findings/fingerprint.js';
import type { Finding, Report } from '../findings/schema.js';
import type { Source } from '../snapshot/source.js';
import { wellFormed } from './well-formed.js';
import { type SuppressionInfo, describeGap, describeSections, describeSubject, reportGaps, ruleDocUrl, suppressedFindings } from './rule-links.js';

export interface SarifOptions {
  /** Rule definitions for tool.driver.rules; defaults to the built-in catalog (pass yours when you added rules). */
  rules?: readonly RuleDefinition[];
  /** tool.driver.version, e.g. the package version. */
  toolVersion?: string;
  /**
   * Where the snapshot lies relative to the repository root (`cluster-snapshot/`): prefixed to every
   * file so that GitHub code scanning, which reads paths from the repository root, finds them.
   * Without it, paths are relative to the snapshot (uriBaseId SNAPSHOTROOT).
   */
  pathPrefix?: string;
}

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const ROOT = 'SNAPSHOTROOT';
/** The partialFingerprints key: rule id + subject + message id (see findingFingerprint). */
export const sarifFingerprintKey = 'kubeNetdoctorFinding/v1';

const levels: Record<Severity, Sarif.ReportingConfiguration.level> = { critical: 'error', error: 'error', warning: 'warning', info: 'note' };

const pascal = (id: string) => id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/** A snapshot-relative path as a URI reference: each segment percent-encoded, `/` kept. */
const fileUri = (file: string) => wellFormed(file).split(/[\\/]/).map(encodeURIComponent).join('/');

interface RuleInfo {
  id: string;
  title: string;
  severity: Severity;
  remediation: string;
  sections: string;
}

function ruleInfos(report: Report, definitions: readonly RuleDefinition[]): RuleInfo[] {
  const byId = new Map(definitions.map((r) => [r.id, r]));
  const fromFindings = new Map(report.findings.map((f) => [f.ruleId, f]));
  const ids = [...new Set([...report.rules.map((r) => r.ruleId), ...report.findings.map((f) => f.ruleId), ...report.notEvaluated.map((n) => n.ruleId)])].sort();
  return ids.map((id) => {
    const def = byId.get(id);
    const f = fromFindings.get(id);
    const title = def?.title ?? f?.title ?? report.notEvaluated.find((n) => n.ruleId === id)?.title ?? id;
    return {
      id,
      title,
      severity: def?.severity ?? f?.severity ?? 'warning',
      remediation: (def?.remediation ?? f?.remediation ?? '').trim(),
      sections: def || f ? describeSections({ source: def?.source ?? f!.source }) : '',
    };
  });
}

function descriptor(rule: RuleInfo): Sarif.ReportingDescriptor {
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.sections ? `${rule.title}. From ${rule.sections}.` : rule.title },
    ...(rule.remediation ? { help: { text: rule.remediation, markdown: `**Fix**\n\n${rule.remediation.split('\n').map((l) => `    ${l}`).join('\n')}\n\n[Rule documentation](${ruleDocUrl(rule.id)})` } } : {}),
    helpUri: ruleDocUrl(rule.id),
    defaultConfiguration: { level: levels[rule.severity] },
    properties: { severity: rule.severity, tags: ['kubernetes', 'network'] },
  };
}

/** A physical location for a source: the snapshot file, with the line when it is a line of that file. */
function location(source: Source, note?: string, prefix = ''): Sarif.Location {
  // With `key`, the line counts inside a ConfigMap value, not in the file: name it in the message instead.
  const inFile = source.key === undefined && source.line !== undefined;
  const where = [source.object, source.key && `key ${source.key}`, source.key && source.line !== undefined && `line ${source.line}`].filter(Boolean).join(', ');
  const text = [note, where].filter(Boolean).join(': ');
  return {
    physicalLocation: {
      // With a prefix the path is from the repository root, which SARIF leaves implicit.
      artifactLocation: { uri: fileUri(`${prefix}${source.file}`), ...(prefix ? {} : { uriBaseId: ROOT }) },
      ...(inFile ? { region: { startLine: source.line! } } : {}),
    },
    ...(text ? { message: { text } } : {}),
  };
}

function resultLocations(finding: Finding, prefix: string): Sarif.Location[] {
  const seen = new Set<string>();
  const out: Sarif.Location[] = [];
  for (const e of finding.evidence) {
    if (!e.source) continue;
    const key = `${e.source.file}\0${e.source.line ?? ''}\0${e.source.key ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(location(e.source, `${e.fact}${e.path ? `.${e.path}` : ''}`, prefix));
  }
  return out;
}

function result(finding: Finding, ruleIndex: number, prefix: string, suppressed?: SuppressionInfo): Sarif.Result {
  const s = finding.subject;
  // The subject as a logical location on the first location (GitHub shows the physical one).
  const logical: Sarif.LogicalLocation[] = [{ name: s.name, fullyQualifiedName: describeSubject(s), kind: s.kind }];
  const [first, ...rest] = resultLocations(finding, prefix);
  const locations = [{ ...first, logicalLocations: logical }, ...rest];
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: levels[finding.severity],
    message: { text: finding.message },
    locations,
    partialFingerprints: { [sarifFingerprintKey]: findingFingerprint(finding) },
    ...(suppressed
      ? {
          suppressions: [{
            kind: 'external',
            status: 'accepted',
            justification: suppressed.reason,
            // The config file, as the CLI names it (not a snapshot file).
            ...(suppressed.file
              ? { location: { physicalLocation: { artifactLocation: { uri: fileUri(suppressed.file) }, ...(suppressed.line ? { region: { startLine: suppressed.line } } : {}) } } }
              : {}),
            ...(suppressed.expires || suppressed.rule ? { properties: { ...(suppressed.rule ? { rule: suppressed.rule } : {}), ...(suppressed.expires ? { expires: suppressed.expires } : {}) } } : {}),
          }],
        }
      : {}),
    properties: {
      severity: finding.severity,
      messageId: finding.messageId,
      subject: s,
      spec: finding.spec,
      data: finding.data,
      ...(finding.related?.length ? { related: finding.related } : {}),
    },
  };
}

function diagnosticNotification(d: Diagnostic, prefix: string): Sarif.Notification {
  return {
    level: d.severity === 'info' ? 'note' : d.severity,
    message: { text: d.message },
    descriptor: { id: d.code },
    ...(d.file ? { locations: [location({ file: d.file, ...(d.line !== undefined ? { line: d.line } : {}) }, undefined, prefix)] } : {}),
  };
}

/**
 * The report as a SARIF 2.1.0 log (GitHub code scanning, IDE viewers): one run whose driver lists the rules,
 * one result per finding located at the snapshot files its evidence came from, and the rules that could not
 * be evaluated (with what to capture) and the input problems as tool execution notifications.
 */
export function formatSarif(report: Report, options: SarifOptions = {}): string {
  const rules = ruleInfos(report, options.rules ?? builtinRules());
  const indexOf = new Map(rules.map((r, i) => [r.id, i]));
  const prefix = options.pathPrefix ? `${options.pathPrefix.replace(/\\/g, '/').replace(/\/*$/, '')}/` : '';
  const notifications: Sarif.Notification[] = [
    ...reportGaps(report).map((g): Sarif.Notification => ({
      level: 'warning',
      message: {
        text: `${g.ruleId} not evaluated, ${describeGap(g)}${g.subjects.length > 0 ? ` on ${g.subjects.map(describeSubject).join(', ')}` : ''}: capture ${g.capture}`,
      },
      associatedRule: { id: g.ruleId, ...(indexOf.has(g.ruleId) ? { index: indexOf.get(g.ruleId)! } : {}) },
      properties: { reason: g.reason, capture: g.capture, ...(g.checks ? { checks: g.checks } : {}) },
    })),
    ...report.diagnostics.map((d) => diagnosticNotification(d, prefix)),
  ];
  const log: Sarif.Log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'kube-netdoctor',
          informationUri: 'https://github.com/kube-netdoctor/kube-netdoctor',
          ...(options.toolVersion ? { version: options.toolVersion } : {}),
          rules: rules.map(descriptor),
        },
      },
      ...(prefix ? {} : { originalUriBaseIds: { [ROOT]: { description: { text: `The snapshot directory${report.snapshot.name ? ` (${report.snapshot.name})` : ''}` } } } }),
      invocations: [{
        executionSuccessful: report.summary.failed === 0,
        toolExecutionNotifications: notifications,
      }],
      results: [
        ...report.findings.map((f) => result(f, indexOf.get(f.ruleId) ?? -1, prefix)),
        // Accepted findings stay in the log, marked, so code scanning shows them as dismissed.
        ...suppressedFindings(report).map((f) => result(f, indexOf.get(f.ruleId) ?? -1, prefix, f.suppression ?? { reason: 'suppressed' })),
      ],
      properties: { summary: report.summary },
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
