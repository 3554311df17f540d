/// <reference types="node" />
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { NetdoctorError } from '../../errors.js';
import { redactSnapshot } from '../../node/redact-snapshot.js';
import { keyFromHex } from '../../redact/prf.js';
import { ExitCode, UsageError } from '../exit-codes.js';
import type { CommandContext } from '../io.js';
import { examples } from '../options.js';

export function registerRedact(program: Command, context: CommandContext): void {
  program
    .command('redact')
    .summary('a copy of a snapshot safe to share: addresses and names pseudonymised, secrets masked')
    .description(
      'Write a copy of a snapshot that can be sent to a vendor or posted in an issue: IP addresses pseudonymised with a keyed, prefix-preserving mapping (the analysis gives the same findings), names of nodes, namespaces, pods, Services, ConfigMaps and cloud resources pseudonymised the same way everywhere, credentials and Secret values masked, files no parser reads dropped. The copy holds redaction-manifest.json (what was masked, per file). The key and the mapping are written beside the copy, never inside it: <out-dir>.key (when generated) and <out-dir>.mapping.json, both readable by you only — keep them to map a report on the copy back to your names.',
    )
    .argument('<snapshot>', 'snapshot directory, .tar.gz or single file')
    .argument('<out-dir>', 'new (or empty) directory for the copy')
    .option('--key <hex|file>', 'the key as hex (at least 32 hex digits) or a file holding it; the same key gives the same pseudonyms (default: a new random key, written to <out-dir>.key)')
    .addHelpText(
      'after',
      examples([
        ['kube-netdoctor redact ./snap ./snap-redacted', 'copy with a new key (./snap-redacted.key)'],
        ['kube-netdoctor redact ./snap ./snap-2 --key ./snap-redacted.key', 'same pseudonyms as an earlier copy'],
        ['kube-netdoctor analyze ./snap-redacted', 'the same findings, on pseudonyms'],
      ]),
    )
    .action(async (snapshot: string, outDir: string, options: { key?: string }) => {
      const key = options.key === undefined ? undefined : readKey(options.key);
      try {
        const result = await redactSnapshot(snapshot, outDir, { key });
        const { totals } = result.manifest;
        const masked = Object.entries(totals.masked).map(([kind, n]) => `${n} ${kind}`);
        context.io.stderr(
          [
            `wrote ${totals.files - totals.dropped} files to ${outDir} (${totals.dropped} dropped); ${totals.addresses} addresses and ${totals.names} names pseudonymised${masked.length > 0 ? `; masked: ${masked.join(', ')}` : ''}`,
            `manifest: ${outDir}/redaction-manifest.json`,
            result.keyFile ? `key: ${result.keyFile} (keep it private: with it the pseudonyms can be recomputed)` : 'key: the one given with --key',
            `mapping: ${result.mappingFile} (keep it private: it undoes the redaction)`,
            '',
          ].join('\n'),
        );
        context.setExitCode(ExitCode.ok);
      } catch (error) {
        if (error instanceof NetdoctorError) throw new UsageError(error.message);
        throw error;
      }
    });
}

function readKey(value: string): Uint8Array {
  const text = /^[0-9a-fA-F]+$/.test(value.trim()) ? value : readKeyFile(value);
  try {
    return keyFromHex(text);
  } catch (error) {
    throw new UsageError(`--key: ${(error as Error).message}`);
  }
}

function readKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--key: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}
