#!/usr/bin/env node
/// <reference types="node" />
import { parseArgs } from 'node:util';
import { analyze } from '../analyze.js';
import { Severity } from '../catalog/rule-schema.js';
import { NetdoctorError } from '../errors.js';
import { severityRank } from '../findings/sort.js';
import { loadRuleFiles } from '../node/load-rule-files.js';
import { loadSnapshot } from '../node/load-snapshot.js';
import { formatJson } from '../reporters/json.js';
import { formatText } from '../reporters/text.js';
import { runValidate } from './validate.js';

const usage = `Usage: kube-netdoctor analyze <snapshot> [options]
       kube-netdoctor validate <rule-file|dir>...

Analyse a captured cluster snapshot (a directory laid out as in snapshot.md,
or one JSON/YAML file) against the network-troubleshooting rule catalog.

Options:
  --format text|json        output format (default: text)
  --fail-on <severity>      exit 1 when a finding is at least this severe:
                            critical|error|warning|info|none (default: error)
  --only <id,id,...>        run only these rules
  --rules <file|dir>        also run your own rule files (repeatable)
  --no-remediation          text format: leave out the fixes
  -h, --help                show this help

validate checks rule files (flat or nested directories) and prints each problem
with its file, line and path inside the rule.

Exit codes: 0 nothing reached --fail-on, 1 something did, 2 usage error or unreadable snapshot
or rules. validate: 0 all valid, 1 a rule is invalid, 2 a path cannot be read.
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  env: Record<string, string | undefined>;
}

/** Runs the CLI; returns the exit code. Separate from process handling so tests can drive it. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'error' },
        only: { type: 'string' },
        rules: { type: 'string', multiple: true },
        'no-remediation': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`kube-netdoctor: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  const [command, path, ...extra] = positionals;
  if (command === 'validate' && path) return runValidate(positionals.slice(1), io);
  const failOn = values['fail-on'];
  const problem =
    command !== 'analyze' && command !== 'validate' ? `unknown command "${command ?? ''}"` :
    !path ? (command === 'validate' ? 'missing <rule-file|dir>' : 'missing <snapshot>') :
    extra.length > 0 ? `unexpected argument "${extra[0]}"` :
    values.format !== 'text' && values.format !== 'json' ? `--format must be text or json, not "${values.format}"` :
    failOn !== 'none' && !Severity.safeParse(failOn).success ? `--fail-on must be critical, error, warning, info or none, not "${failOn}"` :
    undefined;
  if (problem || !path) {
    io.stderr(`kube-netdoctor: ${problem}\n\n${usage}`);
    return 2;
  }

  let loaded;
  let extraRules;
  try {
    extraRules = values.rules ? await loadRuleFiles(values.rules) : undefined;
    loaded = await loadSnapshot(path);
  } catch (error) {
    io.stderr(`kube-netdoctor: ${error instanceof NetdoctorError ? error.message : String(error)}\n`);
    return 2;
  }
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  let report;
  try {
    report = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics, ...(only ? { only } : {}), ...(extraRules ? { extraRules } : {}) });
  } catch (error) {
    if (!(error instanceof NetdoctorError)) throw error;
    io.stderr(`kube-netdoctor: ${error.message}\n`);
    return 2;
  }
  const color = io.isTty && !io.env.NO_COLOR;
  io.stdout(values.format === 'json' ? formatJson(report) : formatText(report, { color, remediation: !values['no-remediation'] }));
  if (failOn === 'none') return 0;
  const threshold = severityRank[failOn as Severity];
  return report.findings.some((f) => severityRank[f.severity] <= threshold) ? 1 : 0;
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/cli.js') || process.argv[1]?.endsWith('kube-netdoctor');
if (isMain) {
  runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTty: process.stdout.isTTY === true,
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`kube-netdoctor: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
