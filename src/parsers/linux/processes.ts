import { z } from 'zod';
import { diagnostic } from '../../diagnostics.js';
import { cappedWarnings, type CappedWarnings, numberedLines } from '../capped-warnings.js';
import { readCommandLine } from './command-line.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import {
  type RawProcess,
  type RawRead,
  readPowerShellJson,
  readPowerShellList,
  readPowerShellTable,
} from '../windows/processes-powershell.js';

export const ProcessEntry = z.object({
  pid: z.number().int().nonnegative().optional(),
  /** argv[0]'s base name, lowercased, without `.exe`: `kube-proxy`, `kubelet`, `flanneld`. */
  command: z.string(),
  /** Values of flags named like token, password, secret, key-data or credential are replaced by `***`. */
  commandLine: z.string(),
  /** `--flag=value`, `--flag value` and bare `--flag` (true), keyed without dashes; secrets masked. */
  flags: z.record(z.string(), z.union([z.string(), z.literal(true)])),
  /** PowerShell cut the line to fit the console (`...` or `…`); the last, partial flag is left out of `flags`. */
  truncated: z.boolean(),
  line: z.number().int().positive(),
});
export type ProcessEntry = z.infer<typeof ProcessEntry>;

export const ProcessesValue = z.object({ processes: z.array(ProcessEntry) });
export type ProcessesValue = z.infer<typeof ProcessesValue>;

const commandColumns = new Set(['COMMAND', 'CMD', 'ARGS']);

/**
 * `ps -eo pid,args` (`    PID COMMAND`), also `ps -ef` and `ps aux`: the command is the last column
 * and may contain spaces, so a row is split into as many fields as the header has before it.
 */
function readPs(text: string, warnings: CappedWarnings): RawProcess[] {
  const processes: RawProcess[] = [];
  let columns = ['PID', 'COMMAND'];
  for (const { text: raw, line } of numberedLines(text)) {
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const header = trimmed.split(/\s+/);
    if (header.includes('PID') && commandColumns.has(header.at(-1) ?? '')) {
      columns = header;
      continue;
    }
    const fields = new RegExp(`^${'(\\S+)\\s+'.repeat(columns.length - 1)}(.*)$`).exec(trimmed);
    const pid = fields?.[columns.indexOf('PID') + 1];
    const commandLine = fields?.[columns.length];
    if (pid === undefined || !/^\d+$/.test(pid) || commandLine === undefined) {
      warnings.warn('unrecognised-line', 'line not recognised as a ps row (a PID, then the command line)', line);
      continue;
    }
    processes.push({ pid: Number(pid), commandLine, truncated: false, line });
  }
  return processes;
}

function readRaw(text: string, file: string | undefined, warnings: CappedWarnings): RawRead {
  if (/^\s*[[{]/.test(text)) return readPowerShellJson(text, file);
  if (/^\s*ProcessId\s*:/m.test(text)) return { raw: readPowerShellList(text), diagnostics: [] };
  const table = /^\s*(?:ProcessId\s+CommandLine|CommandLine\s+ProcessId)\s*$/m.test(text);
  return { raw: table ? readPowerShellTable(text, warnings) : readPs(text, warnings), diagnostics: [] };
}

function parseProcessesText(text: string, options: ParseOptions): ParseResult<ProcessesValue> {
  const warnings = cappedWarnings(options.file);
  const { raw, diagnostics } = readRaw(text, options.file, warnings);
  const processes: ProcessEntry[] = [];
  for (const entry of raw) {
    if (entry.commandLine.trim() === '') continue; // System Idle Process, System, kernel-only Windows processes
    const { command, commandLine, flags } = readCommandLine(entry.commandLine.trim(), entry.truncated);
    const process: ProcessEntry = { command, commandLine, flags, truncated: entry.truncated, line: entry.line };
    if (entry.pid !== undefined) process.pid = entry.pid;
    processes.push(process);
  }
  const truncated = processes.filter((p) => p.truncated);
  if (truncated.length > 0) {
    diagnostics.push(
      diagnostic(
        'warning',
        'truncated-command-lines',
        `${truncated.length} command lines were cut to the console width; ` +
          'capture with ConvertTo-Json or Format-Table -Wrap',
        { file: options.file, line: truncated[0]?.line },
      ),
    );
  }
  if (raw.length === 0 && text.trim() !== '') {
    const message = 'no processes found in this file';
    diagnostics.push(diagnostic('error', 'unrecognised-input', message, { file: options.file }));
  }
  return { value: { processes }, diagnostics: [...diagnostics, ...warnings.finish()] };
}

export const processesParser = defineParser<ProcessesValue>({
  id: 'processes',
  command: 'ps -eo pid,args | Get-CimInstance Win32_Process | Select ProcessId,CommandLine',
  description:
    'Running processes with their command-line flags (secret values masked), ' +
    'e.g. the flags kube-proxy, kubelet or flanneld were started with.',
  schema: ProcessesValue,
  example: [
    '    PID COMMAND',
    '      1 /sbin/init',
    '   1203 /usr/bin/kubelet --kubeconfig=/etc/kubernetes/kubelet.conf --token=abcdef.0123456789abcdef',
    '   2210 /usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override=node-1',
  ].join('\n'),
  empty: () => ({ processes: [] }),
  parse: parseProcessesText,
});

export function parseProcesses(text: string, options?: ParseOptions): ParseResult<ProcessesValue> {
  return processesParser.parse(text, options);
}
