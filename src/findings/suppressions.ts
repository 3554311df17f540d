import { type Diagnostic, compareDiagnostics, diagnostic } from '../diagnostics.js';
import { matchGlob } from './match-glob.js';
import type { Finding, FindingSubject, Report, Suppression } from './schema.js';
import { compareFindings } from './sort.js';
import { summarizeDiagnostics, summarizeFindings } from './summarize.js';

/** One accepted finding (or family of findings), as written in the config file's `suppressions`. */
export interface SuppressionRule {
  /** Rule id, or a glob (`*`, `?`) over rule ids. */
  rule: string;
  /** Glob patterns over the finding's subject; a field left out matches anything. */
  subject?: { kind?: string | undefined; namespace?: string | undefined; name?: string | undefined; node?: string | undefined } | undefined;
  reason: string;
  /** Last day it holds, YYYY-MM-DD (UTC); after it the findings are reported again, with a warning. */
  expires?: string | undefined;
  /** Where it is written, for diagnostics and the finding's `suppression`. */
  file?: string | undefined;
  line?: number | undefined;
}

export interface SuppressOptions {
  /** Today (default: the clock). */
  now?: Date;
}

/**
 * Moves the findings a live suppression matches from `findings` to `suppressed`
 * (each with its `suppression`) and recounts the summary. An expired suppression
 * suppresses nothing and becomes a warning diagnostic. Pure: returns a new report.
 */
export function applySuppressions(report: Report, suppressions: readonly SuppressionRule[], options: SuppressOptions = {}): Report {
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const live: SuppressionRule[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const s of suppressions) {
    if (s.expires !== undefined && s.expires < today) {
      diagnostics.push(
        diagnostic('warning', 'suppression-expired', `suppression of ${describe(s)} expired on ${s.expires}; its findings are reported again (reason was: ${s.reason})`, {
          file: s.file,
          line: s.line,
        }),
      );
    } else live.push(s);
  }
  const findings: Finding[] = [];
  const suppressed: Finding[] = [...(report.suppressed ?? [])];
  for (const finding of report.findings) {
    const match = live.find((s) => matches(s, finding));
    if (match) suppressed.push({ ...finding, suppression: suppressionOf(match) });
    else findings.push(finding);
  }
  suppressed.sort(compareFindings);
  const allDiagnostics = [...report.diagnostics, ...diagnostics].sort(compareDiagnostics);
  return {
    ...report,
    findings,
    suppressed,
    diagnostics: allDiagnostics,
    summary: {
      ...report.summary,
      ...summarizeFindings(findings),
      diagnostics: summarizeDiagnostics(allDiagnostics),
      suppressed: suppressed.length,
    },
  };
}

function matches(s: SuppressionRule, finding: Finding): boolean {
  if (!matchGlob(s.rule, finding.ruleId)) return false;
  const subject: FindingSubject = finding.subject;
  for (const field of ['kind', 'namespace', 'name', 'node'] as const) {
    const pattern = s.subject?.[field];
    if (pattern !== undefined && !matchGlob(pattern, subject[field] ?? '')) return false;
  }
  return true;
}

function suppressionOf(s: SuppressionRule): Suppression {
  const out: Suppression = { rule: s.rule, reason: s.reason };
  if (s.expires !== undefined) out.expires = s.expires;
  if (s.file !== undefined) out.file = s.file;
  if (s.line !== undefined) out.line = s.line;
  return out;
}

function describe(s: SuppressionRule): string {
  const fields = Object.entries(s.subject ?? {}).filter(([, v]) => v !== undefined);
  return fields.length === 0 ? s.rule : `${s.rule} for ${fields.map(([k, v]) => `${k} ${v}`).join(', ')}`;
}
