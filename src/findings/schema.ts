import { z } from 'zod';
import { Severity, SourceRef } from '../catalog/rule-schema.js';
import { Diagnostic } from '../diagnostics.js';
import { Figure } from '../facts/figure.js';
import { ClusterInfo } from '../snapshot/schema.js';
import { Source } from '../snapshot/source.js';

export const FindingSubject = z.object({
  kind: z.string(),
  name: z.string(),
  namespace: z.string().optional(),
  /** The node the subject is on (a pod's node), or the node itself. */
  node: z.string().optional(),
});
export type FindingSubject = z.infer<typeof FindingSubject>;

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/** One fact value that made a check pass: what was compared, to what, and where it came from. */
export const Evidence = z.object({
  fact: z.string(),
  path: z.string().optional(),
  operator: z.string(),
  expected: z.unknown(),
  actual: z.unknown(),
  source: Source.optional(),
});
export type Evidence = z.infer<typeof Evidence>;

/** Why a finding is not counted: a suppression from the user's config (`kube-netdoctor.config.yaml`). */
export const Suppression = z.object({
  /** The `rule` of the suppression (an id or a glob pattern). */
  rule: z.string(),
  reason: z.string(),
  /** Last day (YYYY-MM-DD, UTC) the suppression holds. */
  expires: z.string().optional(),
  /** Where the suppression is written (file and line), when known. */
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
});
export type Suppression = z.infer<typeof Suppression>;

/**
 * Another finding about the same problem. `repeats`: it reported this problem too and was left out for this more
 * specific one; `details`: it reports part of this finding's problem more specifically.
 */
export const RelatedFinding = z.object({
  ruleId: z.string(),
  messageId: z.string(),
  subject: FindingSubject,
  relation: z.enum(['repeats', 'details']),
});
export type RelatedFinding = z.infer<typeof RelatedFinding>;

export const Finding = z.object({
  ruleId: z.string(),
  title: z.string(),
  spec: z.array(z.string()),
  severity: Severity,
  subject: FindingSubject,
  messageId: z.string(),
  data: z.record(z.string(), Scalar),
  message: z.string(),
  evidence: z.array(Evidence),
  remediation: z.string(),
  source: z.array(SourceRef),
  /** Present only on findings in `Report.suppressed`. */
  suppression: Suppression.optional(),
  /** A picture of the evidence (address ranges, used vs usable), when a fact of the finding has one. */
  figure: Figure.optional(),
  /** Other findings about the same problem (one problem, one finding: see a rule's `defersTo`). */
  related: z.array(RelatedFinding).optional(),
});
export type Finding = z.infer<typeof Finding>;

/** A rule that could not be evaluated (for some or all of its subjects), and what to capture so it can be. */
/** One thing a rule lacked: what is missing, which of its checks it stopped, for which subjects. */
export const MissingData = z.object({
  /** `unusable-file`: the rule read a file whose parse reported an error, and stayed silent on these subjects. */
  reason: z.enum(['missing-data', 'unknown-cni', 'unknown-provider', 'unusable-file']),
  /** What to add to the snapshot (a command and the file name it goes to). */
  capture: z.string(),
  /** The unusable file (reason `unusable-file`). */
  file: z.string().optional(),
  /** Message ids of the checks that could not run; absent when no check of the rule could. */
  checks: z.array(z.string()).optional(),
  /** Empty when it concerns every subject; else the subjects that could not be checked. */
  subjects: z.array(FindingSubject),
});
export type MissingData = z.infer<typeof MissingData>;

/** A rule that could apply but could not be (fully) evaluated: one entry per rule, listing every capture it lacks. */
export const NotEvaluated = z.object({
  ruleId: z.string(),
  title: z.string(),
  missing: z.array(MissingData).min(1),
});
export type NotEvaluated = z.infer<typeof NotEvaluated>;

export const RuleStatus = z.object({
  ruleId: z.string(),
  status: z.enum(['evaluated', 'partial', 'not-evaluated', 'not-applicable', 'failed']),
  subjects: z.number().int(),
  findings: z.number().int(),
  /** The subjects the rule ran for (its selector's pick), for reports that list every check (JUnit). */
  checked: z.array(FindingSubject).optional(),
});
export type RuleStatus = z.infer<typeof RuleStatus>;

const Counts = z.object({ critical: z.number().int(), error: z.number().int(), warning: z.number().int(), info: z.number().int() });

export const Summary = z.object({
  rules: z.number().int(),
  evaluated: z.number().int(),
  partial: z.number().int(),
  notEvaluated: z.number().int(),
  notApplicable: z.number().int(),
  failed: z.number().int(),
  findings: Counts,
  diagnostics: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  /** The most severe finding, or "none". */
  highestSeverity: z.union([Severity, z.literal('none')]),
  /** Findings a suppression accepted (listed in `Report.suppressed`, not counted in `findings`). */
  suppressed: z.number().int().optional(),
  /** With a baseline: findings already in it (left out of the report) and new ones. */
  baseline: z.object({ known: z.number().int(), new: z.number().int() }).optional(),
});
export type Summary = z.infer<typeof Summary>;

export const Report = z.object({
  snapshot: z.object({ name: z.string().optional(), capturedAt: z.string().optional(), cluster: ClusterInfo }),
  /** Findings that are not counted: the rest. */
  findings: z.array(Finding),
  /** Findings a suppression accepted, each with its `suppression`; absent when none applied. */
  suppressed: z.array(Finding).optional(),
  diagnostics: z.array(Diagnostic),
  notEvaluated: z.array(NotEvaluated),
  rules: z.array(RuleStatus),
  summary: Summary,
});
export type Report = z.infer<typeof Report>;
