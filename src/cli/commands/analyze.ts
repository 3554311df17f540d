import type { Command } from 'commander';
import { analyze } from '../../analyze.js';
import type { Severity } from '../../catalog/rule-schema.js';
import { NetdoctorError } from '../../errors.js';
import { severityRank } from '../../findings/sort.js';
import { loadSnapshot } from '../../node/load-snapshot.js';
import { ExitCode, UsageError, exitCodesHelp } from '../exit-codes.js';
import { type FormatName, formatNames, formats } from '../formats.js';
import { type CommandContext, colorEnabled } from '../io.js';
import { type FailOn, choiceOption, examples, failOnChoices, listOption, snapshotFormatUrl } from '../options.js';

interface AnalyzeFlags {
  format: FormatName;
  failOn: FailOn;
  only?: string[];
  remediation: boolean;
}

export function registerAnalyze(program: Command, context: CommandContext): void {
  program
    .command('analyze')
    .summary('analyse a snapshot and report findings')
    .description(
      'Analyse a captured cluster snapshot against the network-troubleshooting rule catalog.\n' +
        `<snapshot> is a directory laid out as in ${snapshotFormatUrl},\nor one JSON/YAML file.`,
    )
    .argument('<snapshot>', 'snapshot directory or file')
    .addOption(choiceOption('--format <format>', 'output format', formatNames, 'text'))
    .addOption(choiceOption('--fail-on <severity>', 'exit 1 when a finding is at least this severe', failOnChoices, 'error'))
    .addOption(listOption('--only <ids>', 'run only these rules (comma-separated, repeatable)'))
    .option('--no-remediation', 'text format: leave out the fixes')
    .addHelpText(
      'after',
      examples([
        ['kube-netdoctor analyze ./snapshot', 'findings grouped by severity'],
        ['kube-netdoctor analyze ./snapshot --format json > report.json', 'the report as JSON'],
        ['kube-netdoctor analyze ./snapshot --fail-on warning', 'exit 1 on any warning or worse'],
      ]) + `\n${exitCodesHelp}\n`,
    )
    .action(async (path: string, flags: AnalyzeFlags) => context.setExitCode(await runAnalyze(path, flags, context)));
}

async function runAnalyze(path: string, flags: AnalyzeFlags, { io }: CommandContext): Promise<number> {
  let loaded;
  try {
    loaded = await loadSnapshot(path);
  } catch (error) {
    if (error instanceof NetdoctorError) throw new UsageError(error.message);
    throw error;
  }
  const report = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics, ...(flags.only ? { only: flags.only } : {}) });
  io.stdout(formats[flags.format](report, { color: colorEnabled(io), remediation: flags.remediation }));
  if (flags.failOn === 'none') return ExitCode.ok;
  const threshold = severityRank[flags.failOn as Severity];
  return report.findings.some((f) => severityRank[f.severity] <= threshold) ? ExitCode.findings : ExitCode.ok;
}
