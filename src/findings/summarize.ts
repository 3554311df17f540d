import type { Diagnostic } from '../diagnostics.js';
import type { Finding, Summary } from './schema.js';
import { severityRank } from './sort.js';

/** The finding counts of a summary: by severity, and the most severe. */
export function summarizeFindings(findings: readonly Finding[]): Pick<Summary, 'findings' | 'highestSeverity'> {
  const counts = { critical: 0, error: 0, warning: 0, info: 0 };
  let highest: Summary['highestSeverity'] = 'none';
  for (const f of findings) {
    counts[f.severity]++;
    if (highest === 'none' || severityRank[f.severity] < severityRank[highest]) highest = f.severity;
  }
  return { findings: counts, highestSeverity: highest };
}

export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): Summary['diagnostics'] {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
