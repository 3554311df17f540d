import { type Diagnostic, diagnostic } from '../diagnostics.js';
import type { Parser } from '../parsers/define-parser.js';
import { parsers } from '../parsers/index.js';
import { checkedText } from '../snapshot/lazy-text.js';
import type { TextFile } from '../snapshot/schema.js';
import type { SnapshotIndex } from './snapshot-index.js';

/** Node output (snapshot.md command name) → the parser of that output. */
const nodeCommandParsers: Record<string, string> = {
  'iptables-save': 'iptables-save',
  'ip6tables-save': 'iptables-save',
  ipvsadm: 'ipvsadm',
  'ipvsadm-timeout': 'ipvsadm-timeout',
  dmesg: 'dmesg',
  lsmod: 'lsmod',
  conntrack: 'conntrack',
  netstat: 'netstat',
  'ip-link': 'ip-link',
  'ip-addr': 'ip-addr',
  'ip-route': 'ip-route',
  'subnet.env': 'subnet-env',
  processes: 'processes',
  'hns-networks': 'hns-networks',
  'hns-endpoints': 'hns-endpoints',
  'hnsdiag-networks': 'hnsdiag',
  'hnsdiag-endpoints': 'hnsdiag',
  'hnsdiag-loadbalancers': 'hnsdiag',
  'net-adapters': 'net-adapters',
  dynamicport: 'dynamicport',
  reservedports: 'reservedports',
  sourcevip: 'sourcevip',
  'cni-plugin-version': 'cni-plugin-version',
};

/** Files larger than this that no rule read are not parsed just to check them (a 35 MB iptables-save). */
export const maxCheckedUnreadChars = 4 * 1024 * 1024;

const parsersById = new Map(parsers.map((p) => [p.id, p]));

/** `cluster/helm-upgrade.txt` → helm-errors; `cloud/aliyun-vswitches-2.json` → aliyun-vswitches; by name. */
function parserForName(name: string): Parser<unknown> | undefined {
  const stem = (name.split('/').at(-1) ?? name).replace(/\.(json|ya?ml|txt|out|log|cfg)$/i, '').toLowerCase();
  if (stem === 'calicoctl') return parsersById.get('calicoctl-config');
  if (stem.startsWith('helm')) return parsersById.get('helm-errors');
  return parsers.find((p) => stem === p.id || stem.startsWith(`${p.id}-`));
}

interface CapturedFile {
  file: TextFile;
  parser: Parser<unknown> | undefined;
  /** Unknown node outputs already carry an `unknown-output` warning. */
  known: boolean;
  /** What the file is, when its name does not say (a component's log taken from a cluster-info dump). */
  what?: string;
}

/** A log placed from an import (a cluster-info dump) starts with blank lines up to its block's line. */
function firstLine(text: string): number | undefined {
  const blank = text.length - text.replace(/^\n+/, '').length;
  return blank > 0 ? blank + 1 : undefined;
}

function capturedFiles(index: SnapshotIndex): CapturedFile[] {
  const { snapshot } = index;
  const out: CapturedFile[] = [];
  for (const [node, outputs] of Object.entries(snapshot.nodeOutputs)) {
    for (const [command, file] of Object.entries(outputs.commands)) {
      const id = nodeCommandParsers[command];
      out.push({ file, parser: id ? parsersById.get(id) : undefined, known: id !== undefined });
    }
    for (const file of outputs.cni) out.push({ file, parser: parsersById.get('cni-config'), known: true });
    for (const [component, file] of Object.entries(outputs.logs)) {
      out.push({ file, parser: parsersById.get('log-lines'), known: true, ...(firstLine(file.text) ? { what: `the ${component} log of node ${node}` } : {}) });
    }
  }
  for (const file of [...Object.values(snapshot.clusterOutputs), ...Object.values(snapshot.cloud)]) {
    out.push({ file, parser: parserForName(file.file), known: true });
  }
  return out.sort((a, b) => (a.file.file < b.file.file ? -1 : a.file.file > b.file.file ? 1 : 0));
}

/**
 * Every captured file ends as data a rule read, a diagnostic, or this: a file no rule read in
 * this analysis is still checked by its parser (so a truncated or mis-captured file says so),
 * and an `info` diagnostic tells the user that nothing in the report comes from it.
 */
export function checkUnreadFiles(index: SnapshotIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { file, parser, known, what } of capturedFiles(index)) {
    const read = index.readFiles.has(file);
    let checked;
    try {
      // A node output not read at load says here what decoding it said (`invalid-utf8`), read by a rule or not.
      checked = checkedText(file, { read: !read && known, exactUpTo: maxCheckedUnreadChars });
    } catch (error) {
      // A large output is read again from its file (lazy-text.ts), which may have changed since.
      out.push(unreadableAgain(file, error));
      continue;
    }
    out.push(...checked.diagnostics);
    if (read || !known) continue;
    if (parser && checked.length <= maxCheckedUnreadChars) {
      try {
        index.parseResult(file, parser.parse);
      } catch (error) {
        out.push(unreadableAgain(file, error));
        continue;
      }
      const message = `no rule read ${what ?? 'this file'} in this analysis (its rules did not apply or lacked other data); checked with the ${parser.id} parser only`;
      const line = what ? firstLine(file.text) : undefined;
      out.push(diagnostic('info', 'unread-file', message, { file: file.file, ...(line ? { line } : {}) }));
    } else {
      const why = parser ? `larger than ${maxCheckedUnreadChars} characters, not checked` : 'no parser reads a file of this name';
      out.push(diagnostic('info', 'unread-file', `no rule read this file in this analysis (${why})`, { file: file.file }));
    }
  }
  return out;
}

const unreadableAgain = (file: TextFile, error: unknown) => diagnostic('error', 'unreadable', `could not be read again: ${(error as Error).message}`, { file: file.file });
