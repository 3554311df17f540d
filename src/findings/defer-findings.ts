import type { DefersTo, RuleDefinition } from '../catalog/rule-schema.js';
import type { Finding, RelatedFinding } from './schema.js';
import { subjectKey } from './sort.js';

export interface Deferred {
  /** The findings to report, with `related` filled in. */
  findings: Finding[];
  /** Findings left out because a more specific rule's finding reports their problem. */
  left: Finding[];
}

const reference = (f: Finding, relation: RelatedFinding['relation']): RelatedFinding => ({ ruleId: f.ruleId, messageId: f.messageId, subject: f.subject, relation });

const compareRelated = (a: RelatedFinding, b: RelatedFinding) =>
  a.ruleId.localeCompare(b.ruleId) || a.messageId.localeCompare(b.messageId) || subjectKey(a.subject).localeCompare(subjectKey(b.subject));

/** `data[field]` as a list: "a, b, c" → [a, b, c]. */
const items = (value: unknown): string[] => (typeof value === 'string' && value !== '' ? value.split(', ').map((s) => s.trim()) : []);

/**
 * The other findings that report `finding`'s problem, over all of its rule's `defersTo` entries, and whether together
 * they report all of it: a subject-level match (`same-subject`, `any`) reports all; item matches report the items found.
 */
function coveringFindings(finding: Finding, entries: ReadonlyArray<{ defer: DefersTo; candidates: readonly Finding[] }>): { by: Finding[]; all: boolean } {
  const by = new Set<Finding>();
  let whole = false;
  const itemFields = new Set<string>();
  for (const { defer, candidates } of entries) {
    const when = defer.when;
    if (when === 'any' || when === 'same-subject') {
      const hit = when === 'any' ? candidates : candidates.filter((c) => subjectKey(c.subject) === subjectKey(finding.subject));
      for (const h of hit) by.add(h);
      if (hit.length > 0) whole = true;
    } else itemFields.add(when.items);
  }
  let allItems = itemFields.size > 0;
  for (const field of itemFields) {
    const mine = items(finding.data[field]);
    if (mine.length === 0) allItems = false;
    for (const item of mine) {
      let found = false;
      for (const { defer, candidates } of entries) {
        if (typeof defer.when !== 'object' || defer.when.items !== field) continue;
        const foundIn = defer.when.foundIn;
        for (const c of candidates) {
          const text = c.data[foundIn];
          if (typeof text === 'string' && text.includes(item) && text.includes(finding.subject.name)) {
            by.add(c);
            found = true;
          }
        }
      }
      if (!found) allItems = false;
    }
  }
  return { by: [...by], all: whole || (allItems && by.size > 0) };
}

/**
 * One problem, one finding: a finding whose rule `defersTo` a more specific rule is left out when that rule's
 * findings report all of its problem — they list it as `related` (`repeats`) — and stays, listing them as `related`
 * (`details`), when they report only part. Decided on every finding at once, so the order of rules does not matter; a
 * left-out finding's references pass on to the findings its own target deferred to.
 */
export function deferFindings(findings: readonly Finding[], rules: readonly RuleDefinition[]): Deferred {
  const defers = new Map(rules.filter((r) => r.defersTo?.length).map((r) => [r.id, r.defersTo!]));
  if (defers.size === 0) return { findings: [...findings], left: [] };
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);

  const leftFor = new Map<Finding, Finding[]>();
  const details = new Map<Finding, Finding[]>();
  for (const finding of findings) {
    const entries = (defers.get(finding.ruleId) ?? [])
      .filter((defer) => !defer.from || defer.from.includes(finding.messageId))
      .map((defer) => ({ defer, candidates: (byRule.get(defer.rule) ?? []).filter((c) => c !== finding && (!defer.messageId || c.messageId === defer.messageId)) }));
    const { by, all } = coveringFindings(finding, entries);
    if (by.length === 0) continue;
    (all ? leftFor : details).set(finding, by);
  }

  // A finding left out for one that is itself left out is referenced by what that one was left out for.
  const keptTargets = (f: Finding, seen = new Set<Finding>()): Finding[] => {
    if (seen.has(f)) return [];
    seen.add(f);
    return leftFor.has(f) ? leftFor.get(f)!.flatMap((t) => keptTargets(t, seen)) : [f];
  };
  const related = new Map<Finding, RelatedFinding[]>();
  const add = (to: Finding, ref: RelatedFinding) => {
    const list = related.get(to) ?? [];
    if (!list.some((r) => r.ruleId === ref.ruleId && r.messageId === ref.messageId && subjectKey(r.subject) === subjectKey(ref.subject))) list.push(ref);
    related.set(to, list);
  };
  for (const [finding, targets] of leftFor) {
    for (const target of new Set(targets.flatMap((t) => keptTargets(t)))) if (target !== finding) add(target, reference(finding, 'repeats'));
  }
  for (const [finding, targets] of details) {
    if (leftFor.has(finding)) continue;
    for (const target of new Set(targets.flatMap((t) => keptTargets(t)))) add(finding, reference(target, 'details'));
  }
  const left = findings.filter((f) => leftFor.has(f) && keptTargets(f).some((t) => t !== f));
  const leftSet = new Set(left);
  return {
    findings: findings.filter((f) => !leftSet.has(f)).map((f) => (related.has(f) ? { ...f, related: related.get(f)!.sort(compareRelated) } : f)),
    left,
  };
}
