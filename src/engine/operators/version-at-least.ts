import { compareVersions, isValidVersion } from '../../versions/compare-versions.js';
import { defineOperator } from '../define-operator.js';

export const versionAtLeast = defineOperator<unknown, unknown>({
  name: 'versionAtLeast',
  description: 'The fact is a version equal to or newer than the value (same comparison as versionLessThan).',
  factType: 'version string',
  valueType: 'version string',
  evaluate: (fact, value) => typeof fact === 'string' && typeof value === 'string' && isValidVersion(fact) && isValidVersion(value) && compareVersions(fact, value) >= 0,
  example: { fact: 'cluster', path: 'kubernetesVersion', operator: 'versionAtLeast', value: '1.16' },
});
