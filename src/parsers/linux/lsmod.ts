import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { cappedWarnings, numberedLines } from '../capped-warnings.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';

export const KernelModule = z.object({
  name: z.string(),
  size: z.number().int().nonnegative(),
  usedByCount: z.number().int(),
  /** Modules that depend on this one; markers such as `[permanent]` are left out. */
  usedBy: z.array(z.string()),
  line: z.number().int().positive(),
});
export type KernelModule = z.infer<typeof KernelModule>;

export const LsmodValue = z.object({ modules: z.array(KernelModule) });
export type LsmodValue = z.infer<typeof LsmodValue>;

const header = /^Module\s+Size\s+Used by/;
// lsmod: `ip_vs  176128  6 ip_vs_rr,ip_vs_sh,ip_vs_wrr`. /proc/modules (also accepted) adds a state:
// `ip_vs 176128 6 ip_vs_rr,ip_vs_sh,ip_vs_wrr, Live 0xffffffffc0a1f000` and writes `-` for no users.
const procModulesRow = /^(\S+)\s+(\d+)\s+(-?\d+|-)\s+(\S+)\s+(?:Live|Loading|Unloading)\b/;
const lsmodRow = /^(\S+)\s+(\d+)\s+(-?\d+|-)(?:\s+(.*))?$/;

function usedByList(field: string | undefined): string[] {
  if (field === undefined || field === '-') return [];
  return field.split(/[,\s]+/).filter((name) => name !== '' && name !== '-' && !name.startsWith('['));
}

function parseLsmodText(text: string, options: ParseOptions): ParseResult<LsmodValue> {
  const modules: KernelModule[] = [];
  const warnings = cappedWarnings(options.file);
  const diagnostics: Diagnostic[] = [];
  let nonBlank = 0;
  for (const { text: raw, line } of numberedLines(text)) {
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    nonBlank += 1;
    if (header.test(trimmed)) continue;
    const match = procModulesRow.exec(trimmed) ?? lsmodRow.exec(trimmed);
    if (!match) {
      warnings.warn('unrecognised-line', 'line not recognised as an lsmod row (name, size, use count, users)', line);
      continue;
    }
    const [, name = '', size = '0', count = '0', users] = match;
    modules.push({
      name,
      size: Number(size),
      usedByCount: count === '-' ? 0 : Number(count),
      usedBy: usedByList(users),
      line,
    });
  }
  if (modules.length === 0 && nonBlank > 0) {
    const message = 'no lsmod rows found in this file';
    diagnostics.push(diagnostic('error', 'unrecognised-input', message, { file: options.file }));
  }
  return { value: { modules }, diagnostics: [...diagnostics, ...warnings.finish()] };
}

export const lsmodParser = defineParser<LsmodValue>({
  id: 'lsmod',
  command: 'lsmod',
  description: 'Loaded kernel modules and their users, e.g. whether ip_vs and its schedulers are loaded for IPVS.',
  schema: LsmodValue,
  example: [
    'Module                  Size  Used by',
    'ip_vs_sh               16384  0',
    'ip_vs_rr               16384  0',
    'ip_vs                 176128  4 ip_vs_rr,ip_vs_sh',
    'nf_conntrack          172032  5 xt_conntrack,nf_nat,xt_MASQUERADE,ip_vs',
  ].join('\n'),
  empty: () => ({ modules: [] }),
  parse: parseLsmodText,
});

export function parseLsmod(text: string, options?: ParseOptions): ParseResult<LsmodValue> {
  return lsmodParser.parse(text, options);
}

/** Whether a module is loaded; `-` and `_` are the same to the kernel (`ip-vs` finds `ip_vs`). */
export function hasModule(value: LsmodValue, name: string): boolean {
  const wanted = name.replaceAll('-', '_');
  return value.modules.some((module) => module.name.replaceAll('-', '_') === wanted);
}
