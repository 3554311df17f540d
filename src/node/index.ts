// kube-netdoctor/node: file-system access (load snapshots and rule files from disk).
export { loadSnapshot, type LoadSnapshotOptions } from './load-snapshot.js';
export { loadRuleFiles, validateRuleFiles, type RuleFilesCheck } from './load-rule-files.js';
