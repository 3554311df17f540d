import type { OperatorDef } from '../define-operator.js';
import { cidrContains } from './cidr-contains.js';
import { cidrsOverlap } from './cidrs-overlap.js';
import { isEmpty } from './is-empty.js';
import { versionAtLeast } from './version-at-least.js';
import { versionLessThan } from './version-less-than.js';

/** Operators added to json-rules-engine's built-ins (equal, lessThan, in, contains, …). */
export const customOperators: OperatorDef[] = [cidrContains, cidrsOverlap, isEmpty, versionAtLeast, versionLessThan];

export const builtinOperatorNames = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
];

export const operatorNames = new Set([...builtinOperatorNames, ...customOperators.map((o) => o.name)]);
