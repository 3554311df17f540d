import type { Finding, FindingSubject, MissingData, Report } from '../findings/schema.js';

/** Where the generated rule pages (docs/rules/<id>.md) are published: stable links for reports that leave this machine. */
export const ruleDocsBase = 'https://github.com/kube-netdoctor/kube-netdoctor/blob/main/docs/rules/';

export const ruleDocUrl = (ruleId: string) => `${ruleDocsBase}${encodeURIComponent(ruleId)}.md`;

/** The document names behind the `doc` keys of a rule's source sections. */
export const documentNames = {
  ack: 'Alibaba Cloud ACK',
  tke: 'Tencent TKE',
  iks: 'IBM Cloud Kubernetes Service',
  win: 'Kubernetes on Windows',
  rancher: 'Rancher',
} as const;

export const severities = ['critical', 'error', 'warning', 'info'] as const;

/** `Pod default/web-1`, `Node worker-1`. */
export function describeSubject(s: FindingSubject): string {
  return `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`;
}

/** A finding's sources as `ACK «section»`. */
export function describeSections(f: Pick<Finding, 'source'>): string {
  return f.source.map((s) => `${documentNames[s.doc]} «${s.section}»`).join('; ');
}

/** One thing a rule lacked, with its rule: the not-evaluated list flattened. */
export type Gap = MissingData & { ruleId: string; title: string };

export function reportGaps(report: Pick<Report, 'notEvaluated'>): Gap[] {
  return report.notEvaluated.flatMap((n) => n.missing.map((m) => ({ ...m, ruleId: n.ruleId, title: n.title })));
}

const reasons = { 'missing-data': 'data missing', 'unknown-cni': 'CNI unknown', 'unknown-provider': 'provider unknown' } as const;

/** `data missing for checks a, b`: the reason, and the checks when only some could not run. */
export function describeGap(g: MissingData): string {
  return `${reasons[g.reason]}${g.checks ? ` for check${g.checks.length > 1 ? 's' : ''} ${g.checks.join(', ')}` : ''}`;
}

/** Why a finding is not counted (the CLI's suppressions, `Report.suppressed`). */
export interface SuppressionInfo {
  reason: string;
  expires?: string | undefined;
  rule?: string | undefined;
  file?: string | undefined;
  line?: number | undefined;
}

/** The findings a suppression accepted, each with its suppression; none when the report has no such list. */
export function suppressedFindings(report: Report): Array<Finding & { suppression?: SuppressionInfo }> {
  return (report as Report & { suppressed?: Array<Finding & { suppression?: SuppressionInfo }> }).suppressed ?? [];
}
