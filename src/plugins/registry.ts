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
  const add = <T>(kind: string, target: Map<string, T>, id: string, value: T, plugin: string) => {
    const key = `${kind}:${id}`;
    if (target.has(id)) {
      throw new CatalogError('plugin-conflict', `plugin "${plugin}" defines ${kind} "${id}", which ${owner.get(key) ? `plugin "${owner.get(key)}"` : 'kube-netdoctor'} already defines`);
    }
    owner.set(key, plugin);
    target.set(id, value);
  };
  const factMap = new Map(builtinRegistry.facts);
  const selectorMap = new Map(builtinRegistry.selectors);
  const requirementMap = new Map(builtinRegistry.requirements);
  const operatorMap = new Map<string, OperatorDef>([...builtinOperatorNames.map((n) => [n, undefined as never] as const), ...customOperators.map((o) => [o.name, o] as const)]);
  for (const plugin of plugins) {
    for (const fact of plugin.facts ?? []) add('fact', factMap, fact.id, fact as Fact, plugin.name);
    for (const selector of plugin.selectors ?? []) add('selector', selectorMap, selector.id, selector as Selector, plugin.name);
    for (const requirement of plugin.requirements ?? []) add('requirement', requirementMap, requirement.id, requirement, plugin.name);
    for (const operator of plugin.operators ?? []) add('operator', operatorMap, operator.name, operator, plugin.name);
  }
  const operators = [...operatorMap.values()].filter((o) => o !== undefined);
  const registry: Registry = {
    facts: factMap,
    selectors: selectorMap,
    requirements: requirementMap,
    operators,
    operatorNames: new Set(operatorMap.keys()),
  };
  cache.set(plugins, registry);
  return registry;
}
