export { RuleTester, RuleTestError } from './rule-tester.js';
export type { ExpectedFinding, InlineObjects, InvalidCase, NotEvaluatedCase, RuleTesterOptions, RuleTests, SnapshotInput, ValidCase } from './rule-tester.js';
