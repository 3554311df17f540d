/// <reference types="node" />
import { dirname, relative, resolve } from 'node:path';
import type { RuleSetting } from '../config/config-file.js';
import type { SuppressionRule } from '../findings/suppressions.js';
import { findConfigFile, loadConfigFile } from '../node/load-config.js';
import { UsageError } from './exit-codes.js';

export interface EffectiveConfig {
  /** The config file used, if any. */
  file?: string;
  settings: Record<string, RuleSetting>;
  suppressions: SuppressionRule[];
  /** Absolute paths of the extra rule directories. */
  ruleDirectories: string[];
}

/**
 * `--config <file>`, else the nearest kube-netdoctor.config.yaml upward from the
 * snapshot (from the working directory for stdin); `--no-config` (false) for none.
 */
export async function readConfig(option: string | false | undefined, searchFrom: string, cwd: string): Promise<EffectiveConfig> {
  const none: EffectiveConfig = { settings: {}, suppressions: [], ruleDirectories: [] };
  if (option === false) return none;
  const file = option !== undefined ? resolve(cwd, option) : await findConfigFile(resolve(cwd, searchFrom));
  if (file === undefined) return none;
  const shown = relative(cwd, file) || file;
  const loaded = await loadConfigFile(file);
  if (!loaded.ok) throw new UsageError(loaded.error.replace(file, shown));
  return {
    file: shown,
    settings: loaded.config.rules ?? {},
    suppressions: loaded.suppressions.map((s) => ({ ...s, file: shown })),
    ruleDirectories: (loaded.config.ruleDirectories ?? []).map((d) => resolve(dirname(file), d)),
  };
}
