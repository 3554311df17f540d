import type { OperatorDef } from '../engine/define-operator.js';
import type { Fact, Requirement, Selector } from '../facts/define.js';

/**
 * What a tool adds to the rule language, bundled under one name (as an ESLint
 * plugin bundles rules and processors): facts rules can test, operators to
 * compare them with, selectors that pick a rule's subjects, and requirements a
 * rule can name in `needs:`. Ids must not clash with built-in ones or with
 * another plugin's. A plugin is passed to each call that needs it
 * (`loadRuleFiles`, `parseRuleFile`, `analyze`, `RuleTester`): nothing is
 * registered globally, so one analysis never sees another's plugins.
 */
export interface Plugin {
  /** Shown in error messages (a clash names both sides). */
  name: string;
  facts?: readonly Fact<any, any>[];
  operators?: readonly OperatorDef[];
  selectors?: readonly Selector<any>[];
  requirements?: readonly Requirement[];
}

/** Identity with a type check, like `defineFact`: `export default definePlugin({ name, facts: [...] })`. */
export function definePlugin<const P extends Plugin>(plugin: P): P {
  return plugin;
}
