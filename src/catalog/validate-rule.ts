import { isSafePath, validPath } from '../engine/path-resolver.js';
import { type Registry, builtinRegistry } from '../plugins/registry.js';
import type { Condition, RuleFile, RuleOrigin } from './rule-schema.js';
import { specItemsById } from './spec-items.generated.js';

export interface RuleProblem {
  path: string;
  message: string;
}

/**
 * Everything a rule names must exist before anything runs: facts, operators,
 * selectors, needs, spec ids, message ids and placeholders (kube-linter style:
 * an unknown name is an error with its path, never silently skipped). Built-in rules must also
 * sit in `rules/<doc>/`, cite one of the five documents and name known spec ids; rules from
 * elsewhere need none of that.
 */
export function validateRule(rule: RuleFile, file: string, origin: RuleOrigin = 'user', registry: Registry = builtinRegistry): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  const { facts: factsById, selectors: selectorsById, requirements: requirementsById, operatorNames } = registry;

  const stem = file.split(/[\\/]/).at(-1)?.replace(/\.ya?ml$/, '');
  if (stem !== rule.id) problem('id', `id "${rule.id}" must equal the file name "${stem}"`);
  if (origin === 'builtin') {
    const folder = file.split('/').at(-2);
    if (folder && !rule.id.startsWith(`${folder}-`)) problem('id', `a rule in rules/${folder}/ must have an id starting with "${folder}-"`);
    if (rule.spec.length === 0) problem('spec', 'a built-in rule names at least one spec id (see spec/catalog.md)');
    rule.spec.forEach((id, i) => {
      if (!specItemsById.has(id)) problem(`spec.${i}`, `unknown spec id "${id}" (see spec/catalog.md)`);
    });
    rule.source.forEach((source, i) => {
      if (!('doc' in source)) problem(rule.source.length === 1 ? 'source' : `source.${i}`, 'a built-in rule cites one of the five documents: { doc, section }');
    });
  }
  if (rule.select !== undefined) {
    const selector = selectorsById.get(rule.select);
    if (!selector) problem('select', `unknown selector "${rule.select}"`);
    else if (selector.subject !== rule.subject) problem('select', `selector "${rule.select}" selects ${selector.subject}, not ${rule.subject}`);
  }
  rule.needs.forEach((need, i) => {
    if (!requirementsById.has(need)) problem(`needs.${i}`, `unknown requirement "${need}"`);
  });

  const checkFact = (path: string, fact: string, factPath: string | undefined) => {
    const definition = factsById.get(fact);
    if (!definition) return problem(path, `unknown fact "${fact}"`);
    if (definition.subject !== rule.subject && definition.subject !== 'Cluster') {
      problem(path, `fact "${fact}" is about ${definition.subject}, not ${rule.subject}`);
    }
    if (factPath !== undefined && !validPath.test(factPath)) problem(path, `path "${factPath}" is not a plain dot path`);
    else if (factPath !== undefined && !isSafePath(factPath)) problem(path, `path "${factPath}" names __proto__, constructor or prototype, which a rule may not read`);
  };
  const walk = (condition: Condition, path: string): void => {
    if ('all' in condition) return condition.all.forEach((c, i) => walk(c, `${path}.all.${i}`));
    if ('any' in condition) return condition.any.forEach((c, i) => walk(c, `${path}.any.${i}`));
    if ('not' in condition) return walk(condition.not, `${path}.not`);
    checkFact(path, condition.fact, condition.path);
    if (!operatorNames.has(condition.operator)) problem(`${path}.operator`, `unknown operator "${condition.operator}"`);
    const value = condition.value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) checkFact(`${path}.value`, value.fact, value.path);
  };

  const seen = new Set<string>();
  rule.checks.forEach((check, i) => {
    if (!(check.messageId in rule.messages)) problem(`checks.${i}.messageId`, `unknown message id "${check.messageId}"`);
    if (seen.has(check.messageId)) problem(`checks.${i}.messageId`, `duplicate message id "${check.messageId}"`);
    seen.add(check.messageId);
    check.needs.forEach((need, j) => {
      if (!requirementsById.has(need)) problem(`checks.${i}.needs.${j}`, `unknown requirement "${need}"`);
      else if (rule.needs.includes(need)) problem(`checks.${i}.needs.${j}`, `"${need}" is already in the rule's needs`);
    });
    walk(check.conditions as Condition, `checks.${i}.conditions`);
  });
  (rule.defersTo ?? []).forEach((defer, i) => {
    if (defer.rule === rule.id) problem(`defersTo.${i}.rule`, 'a rule cannot defer to itself');
    defer.from?.forEach((id, j) => {
      if (!seen.has(id)) problem(`defersTo.${i}.from.${j}`, `unknown message id "${id}" (not a check of this rule)`);
    });
    if (typeof defer.when === 'object') {
      if (!(defer.when.items in rule.data)) problem(`defersTo.${i}.when.items`, `"${defer.when.items}" is not a key of this rule's data`);
    }
  });
  for (const [name, ref] of Object.entries(rule.data)) {
    const [fact = '', ...rest] = ref.split('.');
    checkFact(`data.${name}`, fact, rest.length > 0 ? rest.join('.') : undefined);
  }
  // `{{subject}}` is reserved: the subject's kind and name, filled in by the engine.
  for (const [id, template] of Object.entries(rule.messages)) {
    if (!seen.has(id)) problem(`messages.${id}`, `message "${id}" is used by no check`);
    for (const [, name] of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
      if (name && name !== 'subject' && !(name in rule.data)) problem(`messages.${id}`, `placeholder {{${name}}} has no entry in data`);
    }
  }
  return problems;
}
