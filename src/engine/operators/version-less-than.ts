import { compareVersions, isValidVersion } from '../../versions/compare-versions.js';
import { defineOperator } from '../define-operator.js';

export const versionLessThan = defineOperator<unknown, unknown>({
  name: 'versionLessThan',
  description: 'The fact is a version strictly older than the value. Vendor tags compare by their numeric parts (`v0.15.1.4-e02c8f12-aliyun` < `v0.15.1.11-7e95fe23-aliyun`); see src/versions/compare-versions.ts.',
  factType: 'version string',
  valueType: 'version string',
  evaluate: (fact, value) => typeof fact === 'string' && typeof value === 'string' && isValidVersion(fact) && isValidVersion(value) && compareVersions(fact, value) < 0,
  example: { fact: 'flannelHairpin', path: 'version', operator: 'versionLessThan', value: 'v0.15.1.4-e02c8f12-aliyun' },
});
