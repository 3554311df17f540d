import type { Finding } from './schema.js';

/**
 * The identity of a finding across runs: rule id, subject (kind, namespace, name)
 * and message id — not line numbers, evidence or message text, which change when
 * the snapshot is recaptured. 16 hex digits (FNV-1a, 64 bit). Baselines compare
 * these; SARIF's `partialFingerprints` carry them.
 */
export function findingFingerprint(finding: Pick<Finding, 'ruleId' | 'messageId'> & { subject: Pick<Finding['subject'], 'kind' | 'name' | 'namespace'> }): string {
  const key = ['v1', finding.ruleId, finding.subject.kind, finding.subject.namespace ?? '', finding.subject.name, finding.messageId].join('\u0000');
  let hash = 0xcbf29ce484222325n;
  const bytes = new TextEncoder().encode(key);
  for (const byte of bytes) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
