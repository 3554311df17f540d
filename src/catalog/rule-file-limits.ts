import { CatalogError } from '../errors.js';

/** A rule file is data a user may have been handed: bounded in size and depth before anything reads it. */
export const maxRuleFileChars = 64 * 1024;
/** Nesting of a rule document (checks → conditions → all/any/not …); the built-in rules stay under 12. */
export const maxRuleNesting = 32;

/** Throws CatalogError when the rule file's text is larger than a rule file can sensibly be. */
export function checkRuleFileSize(source: { file: string; text: string }): void {
  if (source.text.length > maxRuleFileChars) {
    const message = `${source.file}: rule file of ${source.text.length} characters is over the limit of ${maxRuleFileChars}; a rule is one check of one document section`;
    throw new CatalogError('rule-too-large', message, { file: source.file });
  }
}

/** Throws CatalogError when the parsed rule nests deeper than the limit (measured without recursion). */
export function checkRuleNesting(source: { file: string }, value: unknown): void {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > maxRuleNesting) {
      throw new CatalogError('rule-too-deep', `${source.file}: nested more than ${maxRuleNesting} levels deep (conditions nest all/any/not at most this far)`, { file: source.file });
    }
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
}
