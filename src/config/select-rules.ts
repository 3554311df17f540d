import type { RuleSetting } from './config-file.js';
import { DocKey, type RuleDefinition } from '../catalog/rule-schema.js';

/** Document keys a selection may name: the five documents, and `x` for the cross-cutting rules. */
export const selectableDocKeys: readonly string[] = [...DocKey.options, 'x'];

export interface RuleSelection {
  /** Run only rules named here (rule ids or document keys). */
  only?: readonly string[] | undefined;
  /** Leave out rules named here (rule ids or document keys). */
  skip?: readonly string[] | undefined;
  /** From the config file: id or document key → on / off / severity; rule ids win over document keys. */
  settings?: Readonly<Record<string, RuleSetting>> | undefined;
}

export interface SelectedRules {
  rules: RuleDefinition[];
  /** Names that are neither a rule id nor a document key (the caller reports them). */
  unknown: string[];
}

/** True when `name` is the rule's id, or a document it was encoded from (or `x` for a cross-cutting rule). */
export function ruleMatches(rule: RuleDefinition, name: string): boolean {
  return rule.id === name || rule.source.some((s) => 'doc' in s && s.doc === name) || (selectableDocKeys.includes(name) && rule.id.startsWith(`${name}-`));
}

/** Applies --only, --skip and the config's on/off and severity settings. Pure. */
export function selectRules(all: readonly RuleDefinition[], selection: RuleSelection): SelectedRules {
  const ids = new Set(all.map((r) => r.id));
  const names = [...(selection.only ?? []), ...(selection.skip ?? []), ...Object.keys(selection.settings ?? {})];
  const unknown = [...new Set(names.filter((n) => !ids.has(n) && !selectableDocKeys.includes(n)))];
  const rules: RuleDefinition[] = [];
  for (const rule of all) {
    if (selection.only && selection.only.length > 0 && !selection.only.some((n) => ruleMatches(rule, n))) continue;
    if (selection.skip?.some((n) => ruleMatches(rule, n))) continue;
    const setting = settingFor(rule, selection.settings ?? {});
    if (setting === 'off' || setting === false) continue;
    if (setting === undefined || setting === 'on' || setting === true) rules.push(rule);
    else rules.push({ ...rule, severity: setting, checks: rule.checks.map(({ severity: _ignored, ...check }) => check) });
  }
  return { rules, unknown };
}

function settingFor(rule: RuleDefinition, settings: Readonly<Record<string, RuleSetting>>): RuleSetting | undefined {
  if (Object.hasOwn(settings, rule.id)) return settings[rule.id];
  // Of the document keys that name the rule, the last one written wins.
  let setting: RuleSetting | undefined;
  for (const [name, value] of Object.entries(settings)) if (name !== rule.id && ruleMatches(rule, name)) setting = value;
  return setting;
}
