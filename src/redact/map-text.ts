import { rewriteAddresses } from './address-text.js';
import { IpPseudonyms } from './ip-pseudonym.js';
import { rewriteNames } from './name-text.js';
import { createPrf } from './prf.js';
import type { RedactionMapping } from './redact-files.js';

/**
 * Applies a redaction to any text — a report of the original snapshot, a note — with
 * the key and the mapping `redactSnapshotFiles` returned: names through the mapping,
 * addresses and CIDRs through the key (so ranges computed from the snapshot, which no
 * file held, map as the copy's analysis computes them).
 */
export function redactText(text: string, key: Uint8Array, mapping: RedactionMapping): string {
  const names = new Map(Object.entries(mapping.names).map(([original, pseudonym]) => [original.toLowerCase(), pseudonym]));
  const ips = new IpPseudonyms(createPrf(key));
  const lookup = {
    lookup: (token: string) => names.get(token.toLowerCase()),
    isNode: (token: string) => names.get(token.toLowerCase())?.startsWith('node-') ?? false,
  };
  // Report text is not a file: a name before `: ` is a name, not a map key.
  const byName = rewriteNames(text, lookup, () => undefined, false);
  return rewriteAddresses(byName.text, ips, () => undefined).text;
}
