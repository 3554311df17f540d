import { cidrContains as contains, isValidAddress, isValidCidr } from '../../cidr/index.js';
import { defineOperator } from '../define-operator.js';

const valid = (v: unknown): v is string => typeof v === 'string' && (isValidCidr(v) || isValidAddress(v));

export const cidrContains = defineOperator<unknown, unknown>({
  name: 'cidrContains',
  description: 'The fact (a CIDR) contains the value (an address or CIDR). Different address families never contain each other.',
  factType: 'CIDR string',
  valueType: 'address or CIDR string',
  evaluate: (fact, value) => valid(fact) && valid(value) && contains(fact, value),
  example: { fact: 'nodePodCidrCapacity', path: 'podCIDR', operator: 'cidrContains', value: '10.244.4.1' },
});
