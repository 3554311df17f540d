import { CatalogError } from '../errors.js';
import type { OperatorDef } from '../engine/define-operator.js';
import { builtinOperatorNames, customOperators } from '../engine/operators/index.js';
import type { Fact, Requirement, Selector } from '../facts/define.js';
import { facts } from '../facts/registry.js';
import { requirements } from '../facts/requirements.js';
import { selectors } from '../facts/selectors.js';
import type { Plugin } from './define-plugin.js';

/** Every name a rule may use in one analysis: the built-in ones plus those of the plugins passed in. */
export interface Registry {
  facts: ReadonlyMap<string, Fact>;
  selectors: ReadonlyMap<string, Selector>;
  requirements: ReadonlyMap<string, Requirement>;
  /** Operators added to json-rules-engine's built-ins. */
  operators: readonly OperatorDef[];
  operatorNames: ReadonlySet<string>;
}

const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x]));

export const builtinRegistry: Registry = {
  facts: byId(facts),
  selectors: byId(selectors),
  requirements: byId(requirements),
  operators: customOperators,
  operatorNames: new Set([...builtinOperatorNames, ...customOperators.map((o) => o.name)]),
};

const cache = new WeakMap<readonly Plugin[], Registry>();

/** The built-in registry extended by `plugins` (a new object each time: nothing global changes). */
export function registryFor(plugins: readonly Plugin[] | undefined): Registry {
  if (!plugins || plugins.length === 0) return builtinRegistry;
  const cached = cache.get(plugins);
  if (cached) return cached;
  const owner = new Map<string, string>();
  const claim = (kind: string, taken: (id: string) => boolean, id: string, plugin: string) => {
    const key = `${kind}:${id}`;
    if (taken(id)) {
      throw new CatalogError('plugin-conflict', `plugin "${plugin}" defines ${kind} "${id}", which ${owner.has(key) ? `plugin "${owner.get(key)}"` : 'kube-netdoctor'} already defines`);
    }
    owner.set(key, plugin);
  };
  const factMap = new Map(builtinRegistry.facts);
  const selectorMap = new Map(builtinRegistry.selectors);
  const requirementMap = new Map(builtinRegistry.requirements);
  const operators = [...builtinRegistry.operators];
  const operatorNames = new Set(builtinRegistry.operatorNames);
  for (const plugin of plugins) {
    for (const fact of plugin.facts ?? []) {
      claim('fact', (id) => factMap.has(id), fact.id, plugin.name);
      factMap.set(fact.id, fact as Fact);
    }
    for (const selector of plugin.selectors ?? []) {
      claim('selector', (id) => selectorMap.has(id), selector.id, plugin.name);
      selectorMap.set(selector.id, selector as Selector);
    }
    for (const requirement of plugin.requirements ?? []) {
      claim('requirement', (id) => requirementMap.has(id), requirement.id, plugin.name);
      requirementMap.set(requirement.id, requirement);
    }
    for (const operator of plugin.operators ?? []) {
      claim('operator', (name) => operatorNames.has(name), operator.name, plugin.name);
      operators.push(operator);
      operatorNames.add(operator.name);
    }
  }
  const registry: Registry = { facts: factMap, selectors: selectorMap, requirements: requirementMap, operators, operatorNames };
  cache.set(plugins, registry);
  return registry;
}
