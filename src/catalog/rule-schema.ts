import { z } from 'zod';
import { subjectKinds } from '../facts/subjects.js';
import { Cni, Provider } from '../snapshot/schema.js';

export const Severity = z.enum(['critical', 'error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;
export const DocKey = z.enum(['iks', 'win', 'rancher', 'tke', 'ack']);
export type DocKey = z.infer<typeof DocKey>;

/** A value in a condition: a literal, or another fact's value (`{ fact, path }`). */
const FactReference = z.strictObject({ fact: z.string(), path: z.string().optional() });

export const LeafCondition = z.strictObject({
  fact: z.string(),
  path: z.string().optional(),
  operator: z.string(),
  value: z.union([FactReference, z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown())]),
});
export type LeafCondition = z.infer<typeof LeafCondition>;

export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    LeafCondition,
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
);
export const TopLevelCondition = z.union([
  z.strictObject({ all: z.array(Condition).min(1) }),
  z.strictObject({ any: z.array(Condition).min(1) }),
  z.strictObject({ not: Condition }),
]);

export const SourceRef = z.strictObject({
  doc: DocKey,
  /** The section heading, copied verbatim from the document. */
  section: z.string().min(1),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Check = z.strictObject({
  messageId: z.string(),
  severity: Severity.optional(),
  /**
   * Data only this check reads (requirement ids, as in the rule's `needs`). When it is missing the
   * check is reported as not evaluated while the rule's other checks still run.
   */
  needs: z.array(z.string()).default([]),
  conditions: TopLevelCondition,
});

/** One rule file, `rules/<doc>/<id>.yaml`. */
export const RuleFile = z.strictObject({
  id: z.string().regex(/^[a-z]+(-[a-z0-9]+)+$/, 'kebab-case, starting with the document key'),
  title: z.string().min(1),
  severity: Severity,
  subject: z.enum(subjectKinds),
  /** Selector naming the subjects to run for; defaults to every object of the subject kind. */
  select: z.string().optional(),
  /** Rule applies only to these CNIs / providers; unknown CNI/provider → not evaluated. */
  appliesTo: z.strictObject({ cni: z.array(Cni).optional(), provider: z.array(Provider).optional() }).optional(),
  spec: z.array(z.string()).min(1),
  source: z.union([SourceRef, z.array(SourceRef).min(1)]).transform((s) => (Array.isArray(s) ? s : [s])),
  /** Data every check of the rule reads; checks may add their own `needs`. */
  needs: z.array(z.string()).default([]),
  /** Message templates by id; `{{name}}` placeholders come from `data`. */
  messages: z.record(z.string(), z.string().min(1)),
  /** Placeholder name → `fact.path` whose value fills it. */
  data: z.record(z.string(), z.string()).default({}),
  checks: z.array(Check).min(1),
  remediation: z.string().min(1),
});
export type RuleFile = z.infer<typeof RuleFile>;
export type RuleFileInput = z.input<typeof RuleFile>;

/** A validated rule, with where it was read from. */
export type RuleDefinition = RuleFile & { file: string };
