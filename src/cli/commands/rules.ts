import type { Command } from 'commander';
import { builtinRules } from '../../catalog/builtin-catalog.js';
import { documentNames } from '../../catalog/documents.js';
import type { RuleDefinition } from '../../catalog/rule-schema.js';
import { selectRules } from '../../config/select-rules.js';
import { UsageError } from '../exit-codes.js';
import { loadExtraRules } from '../extra-rules.js';
import type { CommandContext } from '../io.js';
import { choiceOption, examples, listOption, rulesDocUrl } from '../options.js';

interface RulesFlags {
  format: 'text' | 'json';
  only?: string[];
  skip?: string[];
  rules?: string[];
}

export function registerRules(program: Command, context: CommandContext): void {
  program
    .command('rules')
    .summary('list the rules of the catalog')
    .description('List the rules of the catalog: id, severity, source document and title.')
    .addOption(choiceOption('--format <format>', 'output format', ['text', 'json'], 'text'))
    .addOption(listOption('--only <names>', 'only these rule ids or document keys (ack, iks, rancher, tke, win, x)'))
    .addOption(listOption('--skip <names>', 'leave out these rule ids or document keys'))
    .addOption(listOption('--rules <path>', 'also list your own rule files (a file or a directory of *.yaml); repeatable'))
    .addHelpText(
      'after',
      examples([
        ['kube-netdoctor rules', 'every rule'],
        ['kube-netdoctor rules --only tke', 'the rules encoded from the TKE document'],
        ['kube-netdoctor rules --format json | jq -r ".[].id"', 'the rule ids'],
        ['kube-netdoctor explain x-cidr-overlap', 'one rule in detail'],
        ['kube-netdoctor rules --rules ./my-rules', 'the built-in rules and your own'],
      ]),
    )
    .action(async (flags: RulesFlags) => {
      const builtin = new Set(builtinRules());
      const all = [...builtin, ...(await loadExtraRules(flags.rules ?? []))];
      const selected = selectRules(all, { only: flags.only, skip: flags.skip });
      if (selected.unknown.length > 0) throw unknownRules(selected.unknown);
      const summaries = selected.rules.map((rule) => ruleSummary(rule, builtin.has(rule)));
      context.io.stdout(flags.format === 'json' ? `${JSON.stringify(summaries, null, 2)}\n` : rulesTable(selected.rules));
    });
}

export function unknownRules(names: readonly string[]): UsageError {
  return new UsageError(
    `unknown rule id or document key: ${names.join(', ')}`,
    '(run "kube-netdoctor rules" for the rule ids; document keys are ack, iks, rancher, tke, win and x)',
  );
}

function ruleSummary(rule: RuleDefinition, builtin: boolean) {
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    subject: rule.subject,
    documents: rule.source.map((s) => ('doc' in s ? { doc: s.doc, name: documentNames[s.doc], section: s.section } : { name: s.title ?? s.url ?? 'user rule', ...(s.url ? { url: s.url } : {}), ...(s.section ? { section: s.section } : {}) })),
    spec: rule.spec,
    ...(rule.appliesTo ? { appliesTo: rule.appliesTo } : {}),
    needs: rule.needs,
    ...(builtin ? { docs: `${rulesDocUrl}/${rule.id}.md` } : {}),
  };
}

function rulesTable(rules: readonly RuleDefinition[]): string {
  const rows = rules.map((r) => [r.id, r.severity, [...new Set(r.source.map((s) => ('doc' in s ? s.doc : 'user')))].join(','), r.title]);
  const header = ['ID', 'SEVERITY', 'DOCUMENT', 'TITLE'];
  const widths = header.slice(0, 3).map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${rules.length} rules; "kube-netdoctor explain <id>" for one.\n`;
}
