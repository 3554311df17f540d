import { builtinRuleDefinitions } from './builtin-catalog.generated.js';
import type { RuleDefinition } from './rule-schema.js';

let cached: RuleDefinition[] | undefined;

/**
 * The rules shipped with the package (rules/**.yaml), parsed and checked by `npm run docs`
 * (builtin-catalog.generated.ts; a test checks it equals loadCatalog of builtin-rules.generated.ts).
 */
export function builtinRules(): RuleDefinition[] {
  return (cached ??= [...builtinRuleDefinitions]);
}
