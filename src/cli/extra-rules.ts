import type { RuleDefinition } from '../catalog/rule-schema.js';
import { NetdoctorError } from '../errors.js';
import { loadRuleFiles } from '../node/load-rule-files.js';
import { UsageError } from './exit-codes.js';

/**
 * The user's rule directories (from the config file), loaded with the library's
 * rule loader; a bad rule file is a usage error naming it. The one place the CLI
 * loads rule files, so `--rules <dir>` can share it.
 */
export async function loadExtraRules(directories: readonly string[]): Promise<RuleDefinition[]> {
  const rules: RuleDefinition[] = [];
  for (const dir of directories) {
    try {
      rules.push(...(await loadRuleFiles(dir)));
    } catch (error) {
      if (error instanceof NetdoctorError) throw new UsageError(`rules in ${dir}: ${error.message}`);
      const code = (error as NodeJS.ErrnoException).code;
      if (code) throw new UsageError(`cannot read rule directory ${dir}: ${code}`);
      throw error;
    }
  }
  return rules;
}
