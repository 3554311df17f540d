import type { Source } from '../snapshot/source.js';
import type { Evidence } from './schema.js';

interface EvaluatedCondition {
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

/**
 * The leaf conditions that decided a passing check, from json-rules-engine's
 * evaluated condition tree: every leaf of an `all`, the true leaves of an
 * `any`, and the (false) leaf under a `not`. `sourceOf` gives the fact's source.
 */
export function collectEvidence(root: EvaluatedCondition, sourceOf: (fact: string) => Source | undefined): Evidence[] {
  const out: Evidence[] = [];
  const visit = (c: EvaluatedCondition, negated: boolean): void => {
    if (c.all) return c.all.forEach((x) => visit(x, negated));
    if (c.any) return c.any.filter((x) => x.result === !negated).forEach((x) => visit(x, negated));
    if (c.not) return visit(c.not, !negated);
    if (c.fact === undefined || c.result === undefined) return;
    const source = sourceOf(c.fact);
    out.push({
      fact: c.fact,
      ...(c.path ? { path: c.path } : {}),
      operator: negated ? `not ${c.operator}` : (c.operator ?? ''),
      expected: c.valueResult ?? c.value,
      actual: c.factResult,
      ...(source ? { source } : {}),
    });
  };
  visit(root, false);
  return out;
}
