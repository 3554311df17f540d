import { cidrsOverlap as overlap, isValidAddress, isValidCidr } from '../../cidr/index.js';
import { defineOperator } from '../define-operator.js';

const valid = (v: unknown): v is string => typeof v === 'string' && (isValidCidr(v) || isValidAddress(v));
const list = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter(valid);

export const cidrsOverlap = defineOperator<unknown, unknown>({
  name: 'cidrsOverlap',
  description: 'Some CIDR of the fact (one CIDR or a list) overlaps some CIDR of the value (one or a list).',
  factType: 'CIDR string or list of them',
  valueType: 'CIDR string or list of them',
  evaluate: (fact, value) => list(fact).some((a) => list(value).some((b) => overlap(a, b))),
  example: { fact: 'cluster', path: 'podCIDRs', operator: 'cidrsOverlap', value: ['172.21.0.0/20'] },
});
