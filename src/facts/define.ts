import type { SnapshotIndex } from './snapshot-index.js';
import type { SubjectKind, SubjectsByKind } from './subjects.js';

export interface FactDefinition<K extends SubjectKind, T> {
  /** camelCase id used in rule conditions; the file is its kebab-case form. */
  id: string;
  subject: K;
  description: string;
  /** What of the snapshot it reads (objects, fields, node outputs), for docs/facts.md. */
  reads: string[];
  /**
   * json-rules-engine fact priority: higher runs first, and an `all` whose
   * higher-priority conditions fail never computes the lower ones.
   */
  priority?: number;
  /** Computes the value. May throw MissingDataError when the snapshot lacks what it needs. */
  compute(subject: SubjectsByKind[K], index: SnapshotIndex): T;
}

export interface Fact<K extends SubjectKind = SubjectKind, T = unknown> extends FactDefinition<K, T> {
  docsAnchor: string;
}

export function defineFact<K extends SubjectKind, T>(definition: FactDefinition<K, T>): Fact<NoInfer<K>, NoInfer<T>> {
  return { ...definition, docsAnchor: `docs/facts.md#${definition.id.toLowerCase()}` };
}

export interface SelectorDefinition<K extends SubjectKind> {
  id: string;
  subject: K;
  description: string;
  /** The subjects a rule should run for: the cheap pre-condition that keeps runs proportional. */
  select(index: SnapshotIndex): Array<SubjectsByKind[K]>;
}

export type Selector<K extends SubjectKind = SubjectKind> = SelectorDefinition<K> & { docsAnchor: string };

export function defineSelector<K extends SubjectKind>(definition: SelectorDefinition<K>): Selector<K> {
  return { ...definition, docsAnchor: `docs/facts.md#selector-${definition.id.toLowerCase()}` };
}

export interface RequirementDefinition {
  /** Name used in a rule's `needs:`. */
  id: string;
  description: string;
  /** What to add to the snapshot when it is absent. */
  capture: string;
  present(index: SnapshotIndex): boolean;
  /** A capture hint for this snapshot when it says more than `capture` (e.g. which file was unreadable). */
  captureFor?(index: SnapshotIndex): string;
}

export type Requirement = RequirementDefinition;

export function defineRequirement(definition: RequirementDefinition): Requirement {
  return definition;
}
