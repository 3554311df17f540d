import type { Diagnostic } from '../diagnostics.js';
import type { Finding, FindingSubject } from './schema.js';

export const severityRank = { critical: 0, error: 1, warning: 2, info: 3 } as const;

export function subjectKey(s: FindingSubject): string {
  return `${s.kind}\0${s.namespace ?? ''}\0${s.name}`;
}

/** Deterministic order: rule id, subject, message id. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.ruleId.localeCompare(b.ruleId) || subjectKey(a.subject).localeCompare(subjectKey(b.subject)) || a.messageId.localeCompare(b.messageId);
}

export type { Diagnostic };
