export {
  type RedactOptions,
  type RedactedFileEntry,
  type RedactedSnapshot,
  type RedactionManifest,
  type RedactionMapping,
  redactSnapshotFiles,
  redactionManifestName,
} from './redact-files.js';
export { generateRedactionKey, keyFromHex, keyToHex } from './prf.js';
export { keptRanges, privateRanges } from './ip-classes.js';
export type { MaskedKind } from './object-secrets.js';
export { redactText } from './map-text.js';
