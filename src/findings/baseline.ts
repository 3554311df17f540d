import { z } from 'zod';
import { findingFingerprint } from './fingerprint.js';
import type { Finding, Report } from './schema.js';
import { summarizeFindings } from './summarize.js';

/** What a baseline needs of a previous JSON report: enough of each finding to fingerprint it. */
const Fingerprinted = z.object({
  ruleId: z.string(),
  messageId: z.string(),
  subject: z.object({ kind: z.string(), name: z.string(), namespace: z.string().optional() }),
});
/** A finding that folded others in (`related`, relation `repeats`) stands for them too. */
const BaselineFinding = Fingerprinted.extend({
  related: z.array(Fingerprinted.extend({ relation: z.string() })).optional(),
});
const BaselineReport = z.object({ findings: z.array(BaselineFinding), suppressed: z.array(BaselineFinding).optional() });

export type BaselineResult = { ok: true; fingerprints: Set<string> } | { ok: false; error: string };

/**
 * The fingerprints of a previous report (`analyze --format json`), its suppressed
 * findings included. `value` is the parsed JSON; a value that is not such a report
 * gives the first problem with its path.
 */
export function baselineFingerprints(value: unknown): BaselineResult {
  const parsed = BaselineReport.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `not a kube-netdoctor JSON report: ${issue.path.join('.') || '(top level)'}: ${issue.message}` };
  }
  const all = [...parsed.data.findings, ...(parsed.data.suppressed ?? [])];
  const repeated = all.flatMap((f) => (f.related ?? []).filter((r) => r.relation === 'repeats'));
  return { ok: true, fingerprints: new Set([...all, ...repeated].map(findingFingerprint)) };
}

/**
 * Leaves out the findings whose fingerprint is in the baseline, so only new ones
 * count; `summary.baseline` says how many were already known. A finding that folds
 * in one the baseline knows (`related`, `repeats`) is the same problem, so known too:
 * a new rule that takes over a known problem does not fail a baseline gate. Pure.
 */
export function applyBaseline(report: Report, known: ReadonlySet<string>): Report {
  const isKnown = (f: Finding) => known.has(findingFingerprint(f)) || (f.related ?? []).some((r) => r.relation === 'repeats' && known.has(findingFingerprint(r)));
  const fresh = report.findings.filter((f) => !isKnown(f));
  const suppressed = report.suppressed?.filter((f) => !isKnown(f));
  const knownCount = report.findings.length - fresh.length + (report.suppressed?.length ?? 0) - (suppressed?.length ?? 0);
  return {
    ...report,
    findings: fresh,
    ...(suppressed ? { suppressed } : {}),
    summary: {
      ...report.summary,
      ...summarizeFindings(fresh),
      ...(suppressed ? { suppressed: suppressed.length } : {}),
      baseline: { known: knownCount, new: fresh.length },
    },
  };
}
