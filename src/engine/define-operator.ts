export interface OperatorDefinition<A = unknown, B = unknown> {
  name: string;
  description: string;
  /** What the fact side and the value side must be, for docs/operators.md. */
  factType: string;
  valueType: string;
  /** Must return false, not throw, when the fact value is of the wrong type. */
  evaluate(factValue: A, value: B): boolean;
  /** Example condition for the docs. */
  example: Record<string, unknown>;
}

export type OperatorDef = OperatorDefinition<any, any> & { docsAnchor: string };

export function defineOperator<A, B>(definition: OperatorDefinition<A, B>): OperatorDef {
  return { ...definition, docsAnchor: `docs/operators.md#${definition.name.toLowerCase()}` } as OperatorDef;
}
