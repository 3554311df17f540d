// kube-netdoctor/node: file-system access (load snapshots and rule files from disk).
export { loadSnapshot, type LoadSnapshotOptions, type LoadProgress } from './load-snapshot.js';
export { loadRuleFiles, validateRuleFiles, type RuleFilesCheck } from './load-rule-files.js';
export { findConfigFile, loadConfigFile, type LoadedConfig } from './load-config.js';
export { capture, type CaptureOptions, type CaptureResult } from './capture/capture.js';
export { linuxScript, windowsScript } from './capture/scripts.generated.js';
export { redactSnapshot, type RedactSnapshotOptions, type RedactSnapshotResult } from './redact-snapshot.js';
