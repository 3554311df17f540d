import type { Command } from 'commander';
import type { CommandContext } from '../io.js';
import { examples } from '../options.js';
import { runValidate } from '../validate.js';

export function registerValidate(program: Command, context: CommandContext): void {
  program
    .command('validate')
    .summary('check rule files before you use them')
    .description(
      'Check rule files (a file, or flat or nested directories of *.yaml) against the rule schema and the\n' +
        'registered facts, operators and selectors; every problem is printed with its file, line and the path\n' +
        'inside the rule.\n\nExit codes: 0 every rule is valid, 1 a rule is invalid, 2 a path cannot be read.',
    )
    .argument('<path...>', 'rule files or directories')
    .addHelpText(
      'after',
      examples([
        ['kube-netdoctor validate my-rules/', 'every rule file under my-rules/'],
        ['kube-netdoctor validate my-rules/acme-svc-single-endpoint.yaml', 'one file'],
      ]),
    )
    .action(async (paths: string[]) => context.setExitCode(await runValidate(paths, context.io)));
}
