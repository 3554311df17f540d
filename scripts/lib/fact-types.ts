/**
 * The fields each fact returns, read with the TypeScript compiler from the return type of its
 * `compute` in `defineFact({ … })`, so docs/facts.md cannot drift from the code.
 */
import { join, relative } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './generated-sources.js';

export interface FactField {
  /** Dot path as a rule writes it (`uncovered.0.cidr` is written `uncovered[].cidr` here). */
  path: string;
  type: string;
  optional: boolean;
}

const maxDepth = 3;

/** fact id → its fields (`[]` for a non-object value, whose type is given with path ''). */
export function factFields(): Map<string, FactField[]> {
  const factsDir = join(repoRoot, 'src', 'facts');
  const config = ts.readConfigFile(join(repoRoot, 'tsconfig.json'), ts.sys.readFile).config as object;
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, repoRoot);
  const roots = parsed.fileNames.filter((f) => f.startsWith(factsDir));
  const program = ts.createProgram(roots, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const out = new Map<string, FactField[]>();

  const text = (type: ts.Type) =>
    checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType | ts.TypeFormatFlags.WriteArrayAsGenericType);
  // Expand object literals and types declared among the facts; keep named snapshot types (Source, NodeObject …) by name.
  const expandable = (type: ts.Type) => {
    if (!(type.flags & ts.TypeFlags.Object) || checker.isArrayType(type) || type.getCallSignatures().length > 0) return false;
    const declaration = (type.aliasSymbol ?? type.getSymbol())?.declarations?.[0];
    if (!declaration) return true;
    const file = declaration.getSourceFile().fileName;
    return file.startsWith(factsDir) && !/^(Map|Set|ReadonlyMap|ReadonlySet)\b/.test(text(type));
  };
  const nonNullable = (type: ts.Type) => (type.isUnion() ? type.types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined))) : [type]);

  const walk = (type: ts.Type, prefix: string, depth: number, fields: FactField[]) => {
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (!declaration) continue;
      const propertyType = checker.getTypeOfSymbolAtLocation(property, declaration);
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      const path = `${prefix}${property.name}`;
      const parts = nonNullable(propertyType);
      // Evidence locations are all the snapshot's Source type; name it rather than spell it out.
      if (property.name === 'source') {
        fields.push({ path, type: 'Source', optional });
        continue;
      }
      const shown = optional ? text(checker.getNonNullableType(propertyType)) : text(propertyType);
      fields.push({ path, type: shown, optional });
      if (depth >= maxDepth || parts.length !== 1) continue;
      const [only] = parts as [ts.Type];
      if (checker.isArrayType(only)) {
        const element = checker.getTypeArguments(only as ts.TypeReference)[0];
        if (element && nonNullable(element).length === 1 && expandable(element)) walk(element, `${path}[].`, depth + 1, fields);
      } else if (expandable(only)) walk(only, `${path}.`, depth + 1, fields);
    }
  };

  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(factsDir)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineFact') {
        const [argument] = node.arguments;
        const id = argument && ts.isObjectLiteralExpression(argument) ? idOf(argument) : undefined;
        if (!argument || !id) throw new Error(`${relative(repoRoot, file.fileName)}: defineFact without a literal id`);
        // The object literal's own `compute`, not Fact<K, T>'s (whose T is wrapped in NoInfer).
        const compute = checker.getTypeAtLocation(argument).getProperty('compute');
        const signature = compute && checker.getTypeOfSymbolAtLocation(compute, argument).getCallSignatures()[0];
        if (!signature) throw new Error(`${id}: no compute signature`);
        const returned = signature.getReturnType();
        const fields: FactField[] = [];
        const parts = nonNullable(returned);
        const nullable = parts.length !== (returned.isUnion() ? returned.types.length : 1);
        if (parts.length === 1 && expandable(parts[0]!)) {
          if (nullable) fields.push({ path: '', type: `${text(parts[0]!)} | null`, optional: false });
          walk(parts[0]!, '', 1, fields);
        } else fields.push({ path: '', type: text(returned), optional: false });
        out.set(id, fields);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return out;
}

function idOf(literal: ts.ObjectLiteralExpression): string | undefined {
  for (const property of literal.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'id' && ts.isStringLiteral(property.initializer)) {
      return property.initializer.text;
    }
  }
  return undefined;
}
