// Public API of kube-netdoctor (isomorphic: no file system, no network).
export { analyze, type AnalyzeOptions, type AnalyzeProgress } from './analyze.js';
export { buildSnapshot, type BuildSnapshotOptions, type BuiltSnapshot, type SnapshotFile } from './snapshot/build-snapshot.js';
export { readArchive, type ArchiveLimits } from './snapshot/archive/read-archive.js';
export { planImport, type ImportFormat, type ImportPlan } from './snapshot/import/plan-import.js';
export { SnapshotBuilder } from './snapshot/snapshot-builder.js';
export { decodeText } from './snapshot/decode-text.js';
export { Snapshot, Manifest, ClusterInfo } from './snapshot/schema.js';
export { Source } from './snapshot/source.js';
export { Finding, Evidence, NotEvaluated, Report, Summary, RuleStatus, FindingSubject, Suppression } from './findings/schema.js';
export { findingFingerprint } from './findings/fingerprint.js';
export { applySuppressions, type SuppressionRule, type SuppressOptions } from './findings/suppressions.js';
export { applyBaseline, baselineFingerprints, type BaselineResult } from './findings/baseline.js';
export { ConfigFile, ConfigSuppression, RuleSetting, configFileName } from './config/config-file.js';
export { parseConfig, type ParsedConfig } from './config/parse-config.js';
export { selectRules, ruleMatches, type RuleSelection, type SelectedRules } from './config/select-rules.js';
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
export { formatSarif, sarifFingerprintKey, type SarifOptions } from './reporters/sarif.js';
export { formatJunit } from './reporters/junit.js';
export { formatMarkdown } from './reporters/markdown.js';
export { formatHtml } from './reporters/html.js';
export { Figure } from './facts/figure.js';
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
export {
  redactSnapshotFiles,
  redactText,
  redactionManifestName,
  generateRedactionKey,
  keyFromHex,
  keyToHex,
  keptRanges,
  privateRanges,
  type RedactOptions,
  type RedactedSnapshot,
  type RedactedFileEntry,
  type RedactionManifest,
  type RedactionMapping,
  type MaskedKind,
} from './redact/index.js';
export * from './parsers/index.js';
