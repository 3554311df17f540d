import type { Finding, FindingSubject, MissingData, RelatedFinding, Report } from '../findings/schema.js';

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

/** `also reported by: x-svc-no-endpoints on Service shop/web (not listed again)`: one related finding as a line. */
export function describeRelated(r: RelatedFinding): string {
  const what = `${r.ruleId} on ${describeSubject(r.subject)}`;
  return r.relation === 'repeats' ? `also reported by: ${what} (not listed again)` : `in more detail: ${what}`;
}

type SourceRef = Finding['source'][number];

/** The document key of a built-in rule's source; undefined for a user rule's own `{ url | title }`. */
export const docKey = (s: SourceRef) => ('doc' in s ? s.doc : undefined);

/** `Alibaba Cloud ACK «section»`, or a user rule's title / URL with its section. */
export function describeSource(s: SourceRef): string {
  const name = 'doc' in s ? documentNames[s.doc] : (s.title ?? s.url ?? 'source');
  return s.section ? `${name} «${s.section}»` : name;
}

/** A finding's sources as `ACK «section»`. */
export function describeSections(f: Pick<Finding, 'source'>): string {
  return f.source.map(describeSource).join('; ');
}

/** One thing a rule lacked, with its rule: the not-evaluated list flattened. */
export type Gap = MissingData & { ruleId: string; title: string };

export function reportGaps(report: Pick<Report, 'notEvaluated'>): Gap[] {
  return report.notEvaluated.flatMap((n) => n.missing.map((m) => ({ ...m, ruleId: n.ruleId, title: n.title })));
}

const reasons = { 'missing-data': 'data missing', 'unknown-cni': 'CNI unknown', 'unknown-provider': 'provider unknown', 'unusable-file': 'file unusable' } as const;

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
