import { InvalidArgumentError, Option } from 'commander';
import { Severity } from '../catalog/rule-schema.js';

/** An option whose value is one of `choices`, matched case-insensitively (`--fail-on ERROR`). */
export function choiceOption(flags: string, description: string, choices: readonly string[], defaultValue?: string): Option {
  const option = new Option(flags, `${description} (${choices.join('|')})`).argParser((value: string) => {
    const lower = value.toLowerCase();
    if (!choices.includes(lower)) throw new InvalidArgumentError(`must be one of ${choices.join(', ')}.`);
    return lower;
  });
  if (defaultValue !== undefined) option.default(defaultValue);
  return option;
}

/** A repeatable, comma-separated list option: `--only a,b --only c` → ['a', 'b', 'c']. */
export function listOption(flags: string, description: string): Option {
  return new Option(flags, description).argParser((value: string, previous: string[] | undefined) => [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ]);
}

export const failOnChoices = [...Severity.options, 'none'] as const;
export type FailOn = Severity | 'none';

/** Examples block for a command's --help. */
export function examples(lines: readonly [command: string, what: string][]): string {
  const width = Math.max(...lines.map(([c]) => c.length));
  return `\nExamples:\n${lines.map(([c, what]) => `  $ ${c.padEnd(width)}  # ${what}`).join('\n')}\n`;
}

export { snapshotFormatUrl, rulesDocUrl, ruleFixturesUrl } from '../docs-urls.js';
