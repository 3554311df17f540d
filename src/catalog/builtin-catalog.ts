import { builtinRuleSources } from './builtin-rules.generated.js';
import { loadCatalog } from './load-catalog.js';
import type { RuleDefinition } from './rule-schema.js';

let cached: RuleDefinition[] | undefined;

/** The rules shipped with the package (rules/**.yaml, bundled as text by `npm run docs`). */
export function builtinRules(): RuleDefinition[] {
  return (cached ??= loadCatalog(builtinRuleSources, { origin: 'builtin' }));
}
