import type { Command } from 'commander';
import { builtinRules } from '../../catalog/builtin-catalog.js';
import { documentNames } from '../../catalog/documents.js';
import { ruleExamples } from '../../catalog/rule-examples.generated.js';
import type { Condition, RuleDefinition } from '../../catalog/rule-schema.js';
import { requirementsById } from '../../facts/requirements.js';
import { UsageError } from '../exit-codes.js';
import type { CommandContext } from '../io.js';
import { loadExtraRules } from '../extra-rules.js';
import { examples, listOption, ruleFixturesUrl, rulesDocUrl } from '../options.js';

export function registerExplain(program: Command, context: CommandContext): void {
  program
    .command('explain')
    .summary('what a rule checks, the data it needs, its source and fix')
    .description('Explain one rule: what it checks, the data it needs, the document section it encodes, the remediation, and where its examples are.')
    .argument('<rule-id>', 'a rule id, as "kube-netdoctor rules" lists them')
    .addOption(listOption('--rules <path>', 'also look among your own rule files (a file or a directory of *.yaml); repeatable'))
    .addHelpText(
      'after',
      examples([
        ['kube-netdoctor explain x-cidr-overlap', 'the cross-cutting CIDR overlap rule'],
        ['kube-netdoctor rules --only win', 'find the Windows rules to explain'],
        ['kube-netdoctor explain acme-svc-single-endpoint --rules ./my-rules', 'one of your own rules'],
      ]),
    )
    .action(async (id: string, flags: { rules?: string[] }) => {
      const builtin = builtinRules();
      const rules = [...builtin, ...(await loadExtraRules(flags.rules ?? []))];
      const rule = rules.find((r) => r.id === id) ?? rules.find((r) => r.id === id.toLowerCase());
      if (!rule) {
        const near = rules.filter((r) => r.id.includes(id.toLowerCase()) || id.toLowerCase().includes(r.id)).map((r) => r.id);
        throw new UsageError(`unknown rule "${id}"${near.length > 0 ? `; did you mean ${near.slice(0, 3).join(', ')}?` : ''}`, '(run "kube-netdoctor rules" for the rule ids)');
      }
      context.io.stdout(explainRule(rule, { builtin: builtin.includes(rule) }));
    });
}

/** The text of `explain`: a reader's summary of one rule file. */
export function explainRule(rule: RuleDefinition, { builtin = true }: { builtin?: boolean } = {}): string {
  const out: string[] = [`${rule.id}: ${rule.title}`, ''];
  const applies = [
    rule.appliesTo?.cni && `CNI ${rule.appliesTo.cni.join(' or ')}`,
    rule.appliesTo?.provider && `provider ${rule.appliesTo.provider.join(' or ')}`,
  ].filter(Boolean);
  out.push(`  severity ${rule.severity}; checks each ${rule.subject}${rule.select ? ` selected by ${rule.select}` : ''}; applies to ${applies.length > 0 ? applies.join(', ') : 'every cluster'}`);
  out.push('', 'What it checks:');
  for (const check of rule.checks) {
    out.push(`  ${check.messageId} (${check.severity ?? rule.severity}) when ${describeCondition(check.conditions)}`);
    out.push(`    reports: ${rule.messages[check.messageId] ?? ''}`);
  }
  out.push('', 'Data it needs (reported as not evaluated, with what to capture, when missing):');
  if (rule.needs.length === 0) out.push('  nothing beyond the snapshot itself');
  for (const need of rule.needs) out.push(`  ${need}: ${requirementsById.get(need)?.capture ?? 'see the rule file'}`);
  out.push('', 'Source:');
  for (const s of rule.source) {
    if ('doc' in s) out.push(`  ${documentNames[s.doc]} (${s.doc}): «${s.section}»`);
    else out.push(`  ${s.title ?? s.url ?? 'your rule'}${s.url && s.title ? ` (${s.url})` : ''}${s.section ? `: «${s.section}»` : ''}`);
  }
  out.push('', 'Remediation:');
  for (const line of rule.remediation.trimEnd().split('\n')) out.push(`  ${line}`);
  out.push('', 'Examples:');
  const example = ruleExamples[rule.id];
  if (example) {
    out.push(`  on ${example.snapshot} it reports (${example.severity}, ${example.subject}):`);
    out.push(...wrap(example.message, 4));
  }
  if (builtin) {
    out.push(
      `  snapshots where it fires and where it stays silent: ${ruleFixturesUrl}/${rule.id}`,
      `  reference page: ${rulesDocUrl}/${rule.id}.md`,
      `  run only this rule: kube-netdoctor analyze <snapshot> --only ${rule.id}`,
    );
  } else out.push(`  run only this rule: kube-netdoctor analyze <snapshot> --rules <your rule files> --only ${rule.id}`);
  return `${out.join('\n')}\n`;
}

function wrap(text: string, indent: number, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width - indent) {
      lines.push(' '.repeat(indent) + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(' '.repeat(indent) + line);
  return lines;
}

function describeCondition(condition: Condition): string {
  if ('all' in condition) return condition.all.map(describeCondition).join(' and ');
  if ('any' in condition) return `(${condition.any.map(describeCondition).join(' or ')})`;
  if ('not' in condition) return `not (${describeCondition(condition.not)})`;
  const value = typeof condition.value === 'object' && condition.value !== null && !Array.isArray(condition.value)
    ? `${condition.value.fact}${condition.value.path ? `.${condition.value.path}` : ''}`
    : JSON.stringify(condition.value);
  return `${condition.fact}${condition.path ? `.${condition.path}` : ''} ${condition.operator} ${value}`;
}
