import type { Finding } from './schema.js';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** 64-bit FNV-1a of the UTF-16 code units, as 16 hex digits: small, pure and the same in every runtime. */
function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * FNV_PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * What identifies a finding across runs: the rule, the subject (kind, namespace, name) and the
 * message id — not line numbers, node placement or message text, which change from one capture
 * to the next while the problem stays the same.
 */
export function findingFingerprint(finding: Pick<Finding, 'ruleId' | 'subject' | 'messageId'>): string {
  const s = finding.subject;
  return fnv1a64([finding.ruleId, s.kind, s.namespace ?? '', s.name, finding.messageId].join('\u0000'));
}
