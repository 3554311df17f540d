/// <reference types="node" />
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import packageJson from '../../../package.json' with { type: 'json' };
import { analyze } from '../../analyze.js';
import { builtinRules } from '../../catalog/builtin-catalog.js';
import type { RuleDefinition, Severity } from '../../catalog/rule-schema.js';
import { assertUniqueRuleIds } from '../../catalog/load-catalog.js';
import { selectRules } from '../../config/select-rules.js';
import { NetdoctorError } from '../../errors.js';
import type { Diagnostic } from '../../diagnostics.js';
import { applyBaseline, baselineFingerprints } from '../../findings/baseline.js';
import type { Report } from '../../findings/schema.js';
import { severityRank } from '../../findings/sort.js';
import { applySuppressions } from '../../findings/suppressions.js';
import { objectCount } from '../../snapshot/is-empty-snapshot.js';
import { type EffectiveConfig, readConfig } from '../config-input.js';
import { ExitCode, UsageError, exitCodesHelp } from '../exit-codes.js';
import { loadExtraRules } from '../extra-rules.js';
import { type FormatName, formatNames, formats } from '../formats.js';
import { type CliIo, type CommandContext, colorEnabled } from '../io.js';
import { type FailOn, choiceOption, examples, failOnChoices, listOption, snapshotFormatUrl } from '../options.js';
import { createProgress } from '../progress.js';
import { readSnapshot, stdinPath } from '../snapshot-input.js';
import { unknownRules } from './rules.js';
import { sarifPathPrefix, writeOutput } from '../write-output.js';

interface AnalyzeFlags {
  format: FormatName;
  failOn: FailOn;
  only?: string[];
  skip?: string[];
  remediation: boolean;
  config?: string | false;
  baseline?: string;
  quiet?: boolean;
  rules?: string[];
  output?: string;
}

export function registerAnalyze(program: Command, context: CommandContext): void {
  program
    .command('analyze')
    .summary('analyse a snapshot and report findings')
    .description(
      'Analyse a captured cluster snapshot against the network-troubleshooting rule catalog.\n' +
        `<snapshot> is a directory laid out as in ${snapshotFormatUrl},\none JSON/YAML file, or - for one file on standard input.`,
    )
    .argument('<snapshot>', 'snapshot directory or file, or - for standard input')
    .addOption(choiceOption('--format <format>', 'output format', formatNames, 'text'))
    .option('--output <file>', 'write the report to <file> instead of standard output')
    .addOption(choiceOption('--fail-on <severity>', 'exit 1 when a finding is at least this severe', failOnChoices, 'error'))
    .addOption(listOption('--only <names>', 'run only these rule ids or document keys (ack, iks, rancher, tke, win, x); comma-separated, repeatable'))
    .addOption(listOption('--skip <names>', 'leave out these rule ids or document keys'))
    .addOption(listOption('--rules <path>', 'also run your own rule files (a file or a flat or nested directory of *.yaml); repeatable'))
    .option('--config <file>', 'config file (default: the nearest kube-netdoctor.config.yaml upward from the snapshot)')
    .option('--no-config', 'use no config file')
    .option('--baseline <report.json>', 'report only findings not in this earlier JSON report')
    .option('-q, --quiet', 'no progress display on stderr')
    .option('--no-remediation', 'text format: leave out the fixes')
    .addHelpText(
      'after',
      examples([
        ['kube-netdoctor analyze ./snapshot', 'findings grouped by severity'],
        ['kube-netdoctor analyze ./snapshot --format json > report.json', 'the report as JSON'],
        ['kube-netdoctor analyze ./snapshot --format sarif --output netdoctor.sarif', 'SARIF 2.1.0 for code scanning'],
        ['kube-netdoctor analyze ./snapshot --format html --output report.html', 'one self-contained page'],
        ['kube-netdoctor analyze ./snapshot --fail-on warning', 'exit 1 on any warning or worse'],
        ['kube-netdoctor analyze ./snapshot --only tke --skip tke-dns', 'the TKE rules but one'],
        ['kube-netdoctor analyze ./snapshot --baseline report.json', 'only what is new since report.json'],
        ['kube-netdoctor analyze ./snapshot --rules ./my-rules', 'the built-in rules and your own'],
        ['kubectl get svc,endpoints -A -o json | kube-netdoctor analyze -', 'one file from standard input'],
      ]) +
        '\nConfig file (kube-netdoctor.config.yaml; JSON Schema: kube-netdoctor/schemas/config.json):\n' +
        '  rules: { tke: off, x-svc-no-endpoints: warning }   # on/off/severity by rule id or document key\n' +
        '  ruleDirectories: [./my-rules]                      # extra rule files, relative to the config file\n' +
        '  suppressions:\n' +
        '    - rule: x-svc-no-endpoints                       # rule id or glob\n' +
        '      subject: { namespace: legacy, name: "old-*" }  # globs over kind, namespace, name, node\n' +
        '      reason: decommissioned in Q3                   # required\n' +
        '      expires: 2026-12-31                            # optional; afterwards reported again\n' +
        `\n${exitCodesHelp}\n`,
    )
    .action(async (path: string, flags: AnalyzeFlags) => context.setExitCode(await runAnalyze(path, flags, context.io)));
}

async function runAnalyze(path: string, flags: AnalyzeFlags, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const config = await readConfig(flags.config, path === stdinPath ? cwd : path, cwd);
  const rules = await ruleSet(config, flags);
  const baseline = flags.baseline === undefined ? undefined : await readBaseline(flags.baseline);

  const progress = createProgress(io, flags.quiet === true);
  const loaded = await readSnapshot(path, io, progress);
  const objects = objectCount(loaded.snapshot);
  let report = await analyze(loaded.snapshot, { rules, diagnostics: loaded.diagnostics, onProgress: (p) => progress.evaluating(p, objects) });
  progress.done();
  if (config.suppressions.length > 0) report = applySuppressions(report, config.suppressions, io.now ? { now: io.now } : {});
  if (baseline) report = applyBaseline(report, baseline);

  // Machine-readable formats keep stdout clean: say on stderr that some input could not be used.
  if (flags.format !== 'text' || flags.output) reportInputProblems(report.diagnostics, io);
  const text = formats[flags.format](report, {
    color: colorEnabled(io) && !flags.output,
    remediation: flags.remediation,
    sarifPathPrefix: path === stdinPath ? undefined : sarifPathPrefix(path),
    rules,
    toolVersion: packageJson.version,
  });
  if (flags.output) {
    const problem = await writeOutput(flags.output, text);
    if (problem) throw new UsageError(problem);
  } else io.stdout(text);
  return exitCodeFor(report, flags.failOn);
}

/** Built-in rules plus the config's rule directories, narrowed by --only/--skip and the config's settings. */
async function ruleSet(config: EffectiveConfig, flags: AnalyzeFlags): Promise<RuleDefinition[]> {
  const builtin = builtinRules();
  const extra = await loadExtraRules([...config.ruleDirectories, ...(flags.rules ?? [])]);
  const all = [...builtin, ...extra];
  try {
    assertUniqueRuleIds(all);
  } catch (error) {
    if (error instanceof NetdoctorError) throw new UsageError(error.message);
    throw error;
  }
  const ids = new Set(all.map((r) => r.id));
  for (const s of config.suppressions) {
    if (!/[*?]/.test(s.rule) && !ids.has(s.rule)) throw new UsageError(`${s.file}${s.line ? `:${s.line}` : ''}: suppression names unknown rule "${s.rule}"`);
  }
  const selected = selectRules(all, { only: flags.only, skip: flags.skip, settings: config.settings });
  if (selected.unknown.length > 0) throw unknownRules(selected.unknown);
  return selected.rules;
}

async function readBaseline(file: string): Promise<Set<string>> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read baseline ${file}: ${code ?? (error as Error).message}`);
  }
  const known = baselineFingerprints(value);
  if (!known.ok) throw new UsageError(`baseline ${file}: ${known.error}`);
  return known.fingerprints;
}

function reportInputProblems(diagnostics: readonly Diagnostic[], io: CliIo): void {
  const shown = diagnostics.filter((d) => d.severity !== 'info');
  if (shown.length === 0) return;
  const lines = shown.slice(0, 20).map((d) => `  ${d.severity} ${d.file ?? ''}${d.line ? `:${d.line}` : ''}${d.file ? ': ' : ''}${d.message} (${d.code})`);
  if (shown.length > 20) lines.push(`  … and ${shown.length - 20} more in the report's diagnostics`);
  io.stderr(`kube-netdoctor: ${shown.length} input ${shown.length === 1 ? 'problem' : 'problems'}:\n${lines.join('\n')}\n`);
}

function exitCodeFor(report: Report, failOn: FailOn): number {
  if (failOn === 'none') return ExitCode.ok;
  const threshold = severityRank[failOn as Severity];
  return report.findings.some((f) => severityRank[f.severity] <= threshold) ? ExitCode.findings : ExitCode.ok;
}
