import { defineOperator } from '../define-operator.js';

export const isEmpty = defineOperator<unknown, unknown>({
  name: 'isEmpty',
  description: 'The fact is an empty list or empty string when the value is true; non-empty when the value is false.',
  factType: 'list or string',
  valueType: 'boolean',
  evaluate: (fact, value) => {
    if (!Array.isArray(fact) && typeof fact !== 'string') return false;
    return (fact.length === 0) === (value !== false);
  },
  example: { fact: 'windowsExceptionList', path: 'uncovered', operator: 'isEmpty', value: false },
});
