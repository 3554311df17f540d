import { expandArchives, buildSnapshot } from '../snapshot/build-snapshot.js';
import { type FileRole, classifyFile, isKnownCommand, sniffCommand } from '../snapshot/classify-file.js';
import { decodeText, looksBinary } from '../snapshot/decode-text.js';
import { planImport } from '../snapshot/import/plan-import.js';
import { maskSecrets } from '../snapshot/mask-secrets.js';
import { normalizePath } from '../snapshot/snapshot-builder.js';
import type { SnapshotFile } from '../snapshot/snapshot-file.js';
import { rewriteAddresses } from './address-text.js';
import { collectNames } from './collect-names.js';
import { IpPseudonyms } from './ip-pseudonym.js';
import { NamePseudonyms } from './name-pseudonyms.js';
import { rewriteNames } from './name-text.js';
import { type MaskedKind, maskCloudAccounts, maskObjectFile } from './object-secrets.js';
import { createPrf, generateRedactionKey } from './prf.js';

/** The name of the manifest a redacted copy holds at its root; the loader ignores it. */
export const redactionManifestName = 'redaction-manifest.json';

export interface RedactOptions {
  /** The key (at least 16 bytes); generated (32 random bytes) when absent. Same key, same pseudonyms. */
  key?: Uint8Array;
}

/** What happened to one file: counts and kinds, never the values. */
export interface RedactedFileEntry {
  /** The file's path in the copy (names and addresses in it pseudonymised). */
  path: string;
  names: number;
  addresses: number;
  masked: Partial<Record<MaskedKind, number>>;
  /** Set when the file is not in the copy: why. */
  dropped?: string;
}

export interface RedactionManifest {
  format: 'kube-netdoctor-redaction/1';
  files: RedactedFileEntry[];
  totals: { files: number; dropped: number; names: number; addresses: number; masked: Partial<Record<MaskedKind, number>> };
  /** How addresses and names were treated (the documented policy, for whoever receives the copy). */
  policy: string[];
}

/** Original → pseudonym. Keep it with the key, away from the copy: it undoes the redaction. */
export interface RedactionMapping {
  names: Record<string, string>;
  addresses: Record<string, string>;
}

export interface RedactedSnapshot {
  files: Array<{ path: string; text: string }>;
  manifest: RedactionManifest;
  mapping: RedactionMapping;
  key: Uint8Array;
}

const policy = [
  'IP addresses: keyed prefix-preserving pseudonyms (Crypto-PAn construction, HMAC-SHA256). Kept: 0.0.0.0/8, 127.0.0.0/8, 169.254.0.0/16, 224.0.0.0/4, 240.0.0.0/4, 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 100.100.0.0/16, ::, ::1, fe80::/10, ff00::/8, 2001:db8::/32, 64:ff9b::/96. Mapped inside themselves: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, fc00::/7. Other addresses keep their first 8 (IPv4) or 16 (IPv6) bits.',
  'Names of nodes, namespaces, pods, Services, ConfigMaps, workloads, other objects and cloud resources: keyed pseudonyms, the same everywhere; names of system components and namespaces kept.',
  'Cloud resource ids keep their type prefix (vsw-, vpc-, sg-, eni-, i- …); account numbers and request ids are pseudonymised.',
  'Secret values, the last-applied-configuration annotation, container env values and credentials (maskSecrets) are replaced with <redacted>.',
  'Files no parser reads (ignored, unrecognised or binary) are dropped.',
];

/**
 * A copy of a snapshot that can be shared: addresses and names pseudonymised with a
 * key (the same key gives the same copy), credentials masked, free text no parser
 * reads dropped. `files` is what `buildSnapshot` takes (path + text or bytes; archives
 * are expanded); the result is the copy's files (UTF-8 text, paths pseudonymised),
 * the manifest to put beside them, and the mapping to keep elsewhere. Pure: no I/O.
 */
export function redactSnapshotFiles(input: readonly SnapshotFile[], options: RedactOptions = {}): RedactedSnapshot {
  const key = options.key ?? generateRedactionKey();
  const prf = createPrf(key);
  const ips = new IpPseudonyms(prf);
  const names = new NamePseudonyms(prf);
  const files = expandArchives(input, undefined, () => undefined);
  collectNames(buildSnapshot(files).snapshot, names);
  names.finish();

  const mapping: RedactionMapping = { names: {}, addresses: {} };
  const recordName = (original: string, pseudonym: string): void => void (mapping.names[original] = pseudonym);
  const recordAddress = (original: string, pseudonym: string): void => void (mapping.addresses[original] = pseudonym);
  const rewrite = (text: string): { text: string; names: number; addresses: number } => {
    const byName = rewriteNames(text, names, recordName);
    const byAddress = rewriteAddresses(byName.text, ips, recordAddress);
    return { text: byAddress.text, names: byName.count, addresses: byAddress.count };
  };

  const plan = planImport(files.map((f) => normalizePath(f.path)));
  const out: RedactedSnapshot['files'] = [];
  const entries: RedactedFileEntry[] = [];
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const original = normalizePath(file.path);
    if (original === redactionManifestName) continue;
    const path = rewrite(original).text;
    const role = plan.roleOf(original) ?? classifyFile(original);
    const text = file.text ?? (file.bytes ? decodeText(file.bytes).text : '');
    const dropped = dropReason(role, text, original);
    if (dropped) {
      entries.push({ path, names: 0, addresses: 0, masked: {}, dropped });
      continue;
    }
    try {
      const masked = role.role === 'objects' ? maskObjectFile(text) : { text: maskSecrets(text), masked: maskSecrets(text) === text ? {} : { credential: 1 } };
      let body = masked.text;
      const kinds: Partial<Record<MaskedKind, number>> = { ...masked.masked };
      if (role.role === 'cloud') {
        const accounts = maskCloudAccounts(body, (value) => pseudoDigits(prf, value));
        body = accounts.text;
        for (const [kind, n] of Object.entries(accounts.masked)) kinds[kind as MaskedKind] = (kinds[kind as MaskedKind] ?? 0) + n;
      }
      const rewritten = rewrite(body);
      out.push({ path, text: rewritten.text });
      entries.push({ path, names: rewritten.names, addresses: rewritten.addresses, masked: kinds });
    } catch (error) {
      // A file that cannot be redacted is not copied: nothing unredacted may leave.
      entries.push({ path, names: 0, addresses: 0, masked: {}, dropped: `could not be redacted (${error instanceof RangeError ? error.message : 'unexpected input'})` });
    }
  }
  return { files: out, manifest: manifestOf(entries), mapping: sortedMapping(mapping), key };
}

function dropReason(role: FileRole, text: string, path: string): string | undefined {
  if (path.split('/').includes('..') || path.startsWith('/')) return 'path leaves the snapshot';
  if (looksBinary(text)) return 'binary content';
  if (role.role === 'ignored' || role.role === 'skipped') return `not read by the loader: ${role.why}`;
  if (role.role === 'node-command' && !isKnownCommand(role.command) && !sniffCommand(text)) return 'unrecognised node output: free text no parser reads';
  return undefined;
}

/** Digits → keyed digits, letters → keyed letters, same length and shape. */
function pseudoDigits(prf: ReturnType<typeof createPrf>, value: string): string {
  const digest = prf.digest(`account/${value}`);
  let index = 0;
  return value.replace(/[0-9A-Za-z]/g, (c) => {
    const byte = digest[index++ % digest.length]!;
    if (/\d/.test(c)) return index === 1 ? String(1 + (byte % 9)) : String(byte % 10);
    return /[a-z]/.test(c) ? String.fromCharCode(97 + (byte % 26)) : String.fromCharCode(65 + (byte % 26));
  });
}

function manifestOf(files: RedactedFileEntry[]): RedactionManifest {
  const masked: Partial<Record<MaskedKind, number>> = {};
  for (const file of files) for (const [kind, n] of Object.entries(file.masked)) masked[kind as MaskedKind] = (masked[kind as MaskedKind] ?? 0) + n;
  return {
    format: 'kube-netdoctor-redaction/1',
    files,
    totals: {
      files: files.length,
      dropped: files.filter((f) => f.dropped).length,
      names: files.reduce((sum, f) => sum + f.names, 0),
      addresses: files.reduce((sum, f) => sum + f.addresses, 0),
      masked,
    },
    policy,
  };
}

function sortedMapping(mapping: RedactionMapping): RedactionMapping {
  const sorted = (record: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { names: sorted(mapping.names), addresses: sorted(mapping.addresses) };
}
