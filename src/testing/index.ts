export { RuleTester, RuleTestError } from './rule-tester.js';
export type { ExpectedFinding, InvalidCase, NotEvaluatedCase, RuleTesterOptions, RuleTests, SnapshotInput, ValidCase } from './rule-tester.js';
