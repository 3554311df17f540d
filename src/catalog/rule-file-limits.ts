/** A rule file is data a user may have been handed: bounded in size and depth before anything reads it. */
export const maxRuleFileChars = 64 * 1024;
/** Nesting of a rule document (checks → conditions → all/any/not …); the built-in rules stay under 12. */
export const maxRuleNesting = 32;

/** Why the rule file's text is too large to read, if it is. */
export function ruleFileSizeProblem(text: string): string | undefined {
  if (text.length <= maxRuleFileChars) return undefined;
  return `rule file of ${text.length} characters is over the limit of ${maxRuleFileChars}; a rule is one check of one document section`;
}

/** Why the parsed rule nests too deeply, if it does (measured without recursion). */
export function ruleNestingProblem(value: unknown): string | undefined {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > maxRuleNesting) return `nested more than ${maxRuleNesting} levels deep (conditions nest all/any/not at most this far)`;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return undefined;
}
