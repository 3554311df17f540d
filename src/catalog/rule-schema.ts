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

/** A section of one of the five built-in documents (the only form built-in rules may use). */
export const DocumentSourceRef = z.strictObject({
  doc: DocKey,
  /** The section heading, copied verbatim from the document. */
  section: z.string().min(1),
});
export type DocumentSourceRef = z.infer<typeof DocumentSourceRef>;

const sourceError =
  'source must be { doc, section } with doc one of iks, win, rancher, tke, ack, or, for your own rules, { url, section } or { title, section }';

/** Where a rule from outside this package comes from: a page (`url`) or a named document (`title`), and a section. */
export const ExternalSourceRef = z
  .strictObject(
    {
      url: z.url().optional(),
      title: z.string().min(1).optional(),
      section: z.string().min(1).optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `${sourceError}; not ${issue.keys.join(', ')}` : undefined) },
  )
  .refine((s) => s.url !== undefined || s.title !== undefined, { message: 'give url or title', when: (payload) => payload.issues.length === 0 });
export type ExternalSourceRef = z.infer<typeof ExternalSourceRef>;

export const SourceRef = z.union([DocumentSourceRef, ExternalSourceRef], { error: sourceError });
export type SourceRef = z.infer<typeof SourceRef>;

/** `ack «section»`, `Team wiki «HA policy»`, `https://… «HA policy»`. */
export function describeSourceRef(source: SourceRef): string {
  const where = 'doc' in source ? source.doc : (source.title ?? source.url ?? '');
  return source.section === undefined ? where : `${where} «${source.section}»`;
}

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

/**
 * One problem, one finding: this rule's finding is left out when a more specific rule's finding reports the same
 * problem (that finding then lists it under `related`). `when`: `same-subject` (the two findings are about the same
 * object), `any` (the other finding is about the whole cluster), or `{ items, foundIn }`: every item of this finding's
 * `data[items]` (a ", "-separated list) appears, with this finding's subject name, in the `data[foundIn]` of one of
 * the other rule's findings; when only some do, this finding stays and lists those findings under `related`.
 */
export const DefersTo = z.strictObject({
  rule: z.string().min(1),
  /** Only the other rule's findings with this message id. */
  messageId: z.string().optional(),
  /** Only this rule's findings with these message ids defer (default: every one). */
  from: z.array(z.string()).optional(),
  when: z.union([z.enum(['same-subject', 'any']), z.strictObject({ items: z.string(), foundIn: z.string() })]).default('same-subject'),
});
export type DefersTo = z.infer<typeof DefersTo>;

/** One rule file: `rules/<doc>/<id>.yaml` in this package, or `<id>.yaml` in any directory of yours. */
export const RuleFile = z.strictObject({
  id: z.string().regex(/^[a-z]+(-[a-z0-9]+)+$/, 'kebab-case, starting with the document key'),
  title: z.string().min(1),
  severity: Severity,
  subject: z.enum(subjectKinds),
  /** Selector naming the subjects to run for; defaults to every object of the subject kind. */
  select: z.string().optional(),
  /**
   * Rule applies only to these CNIs / providers; unknown CNI/provider → not evaluated. `os`: only to clusters with
   * nodes of that OS (captured nodes, none of it → not applicable).
   */
  appliesTo: z
    .strictObject({ cni: z.array(Cni).optional(), provider: z.array(Provider).optional(), os: z.array(z.enum(['linux', 'windows'])).optional() })
    .optional(),
  /** Items of spec/catalog.md the rule implements: required and checked for built-in rules; free (or none) for your own. */
  spec: z.array(z.string().min(1)).default([]),
  source: z.union([SourceRef, z.array(SourceRef).min(1)], { error: sourceError }).transform((s) => (Array.isArray(s) ? s : [s])),
  /** Data every check of the rule reads; checks may add their own `needs`. */
  needs: z.array(z.string()).default([]),
  /** Message templates by id; `{{name}}` placeholders come from `data`. */
  messages: z.record(z.string(), z.string().min(1)),
  /** Placeholder name → `fact.path` whose value fills it. */
  data: z.record(z.string(), z.string()).default({}),
  checks: z.array(Check).min(1),
  remediation: z.string().min(1),
  /** More specific rules that report this rule's problem (see `DefersTo`). */
  defersTo: z.array(DefersTo).optional(),
});
export type RuleFile = z.infer<typeof RuleFile>;
export type RuleFileInput = z.input<typeof RuleFile>;

/** A validated rule, with where it was read from. */
export type RuleDefinition = RuleFile & { file: string };

/** Built-in rules cite one of the five documents and name spec ids; rules from elsewhere need neither. */
export type RuleOrigin = 'builtin' | 'user';
