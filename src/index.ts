// Public API of kube-netdoctor (isomorphic: no file system, no network).
export { analyze, type AnalyzeOptions } from './analyze.js';
export { buildSnapshot, type BuiltSnapshot, type SnapshotFile } from './snapshot/build-snapshot.js';
export { SnapshotBuilder } from './snapshot/snapshot-builder.js';
export { decodeText } from './snapshot/decode-text.js';
export { Snapshot, Manifest, ClusterInfo } from './snapshot/schema.js';
export { Source } from './snapshot/source.js';
export { Finding, Evidence, NotEvaluated, Report, Summary, RuleStatus, FindingSubject } from './findings/schema.js';
export { Diagnostic } from './diagnostics.js';
export { RuleFile, Severity, SourceRef, type RuleDefinition, type RuleOrigin } from './catalog/rule-schema.js';
export {
  loadCatalog,
  parseRuleFile,
  checkRuleFile,
  formatRuleFileProblem,
  type RuleSource,
  type LoadRulesOptions,
  type RuleFileProblem,
} from './catalog/load-catalog.js';
export { definePlugin, type Plugin } from './plugins/define-plugin.js';
export { defineFact, defineSelector, defineRequirement, type Fact, type FactDefinition, type Selector, type Requirement } from './facts/define.js';
export { defineOperator, type OperatorDef, type OperatorDefinition } from './engine/define-operator.js';
export type { SnapshotIndex } from './facts/snapshot-index.js';
export type { Subject, SubjectKind, SubjectsByKind, ClusterSubject } from './facts/subjects.js';
export { builtinRules } from './catalog/builtin-catalog.js';
export { specItems } from './catalog/spec-items.generated.js';
export type { SpecItem } from './catalog/spec-item.js';
export { formatText, type TextOptions } from './reporters/text.js';
export { formatJson } from './reporters/json.js';
export { NetdoctorError, SnapshotError, CatalogError, ParseError, CidrError, MissingDataError } from './errors.js';
export {
  cidrContains,
  cidrsOverlap,
  mergeCidrs,
  subtractCidrs,
  uncoveredCidrs,
  cidrSize,
  usableAddresses,
  rangeToCidrs,
  rangeSize,
  normalizeCidr,
  isValidCidr,
  isValidAddress,
  safeParseCidr,
} from './cidr/index.js';
export { compareVersions, isValidVersion, imageTag } from './versions/compare-versions.js';
export * from './parsers/index.js';
