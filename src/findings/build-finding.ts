import type { RuleDefinition } from '../catalog/rule-schema.js';
import { factValue } from '../engine/fact-values.js';
import { resolvePath } from '../engine/path-resolver.js';
import { type Registry, builtinRegistry } from '../plugins/registry.js';
import type { SnapshotIndex } from '../facts/snapshot-index.js';
import type { Subject } from '../facts/subjects.js';
import type { Source } from '../snapshot/source.js';
import { collectEvidence } from './collect-evidence.js';
import { renderMessage } from './render-message.js';
import type { Finding, FindingSubject } from './schema.js';

export function findingSubject(subject: Subject): FindingSubject {
  const out: FindingSubject = { kind: subject.kind, name: subject.name };
  if ('namespace' in subject && subject.namespace) out.namespace = subject.namespace;
  if (subject.kind === 'Node') out.node = subject.name;
  if (subject.kind === 'Pod' && subject.nodeName) out.node = subject.nodeName;
  return out;
}

function describeSubject(subject: Subject): string {
  const s = findingSubject(subject);
  return `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`;
}

/** A fact's value for the subject, or undefined when it cannot be computed. */
function safeFactValue(id: string, subject: Subject, index: SnapshotIndex, registry: Registry): unknown {
  const fact = registry.facts.get(id);
  if (!fact) return undefined;
  try {
    return factValue(fact, subject, index);
  } catch {
    return undefined;
  }
}

function scalar(value: unknown): string | number | boolean | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  return undefined;
}

export function buildFinding(
  rule: RuleDefinition,
  passed: { messageId: string; conditions: unknown },
  subject: Subject,
  index: SnapshotIndex,
  registry: Registry = builtinRegistry,
): Finding {
  const check = rule.checks.find((c) => c.messageId === passed.messageId)!;
  const data: Finding['data'] = {};
  for (const [name, ref] of Object.entries(rule.data)) {
    const [fact = '', ...path] = ref.split('.');
    const value = scalar(resolvePath(safeFactValue(fact, subject, index, registry), path.join('.')));
    if (value !== undefined) data[name] = value;
  }
  const sourceOf = (fact: string) => {
    const value = safeFactValue(fact, subject, index, registry) as { source?: Source } | undefined;
    return value && typeof value === 'object' ? value.source : undefined;
  };
  return {
    ruleId: rule.id,
    title: rule.title,
    spec: rule.spec,
    severity: check.severity ?? rule.severity,
    subject: findingSubject(subject),
    messageId: passed.messageId,
    data,
    message: renderMessage(rule.messages[passed.messageId] ?? '', { ...data, subject: describeSubject(subject) }),
    evidence: collectEvidence(passed.conditions as never, sourceOf),
    remediation: rule.remediation.trim(),
    source: rule.source,
  };
}
