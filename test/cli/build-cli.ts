import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Options } from 'tsup';
import configs from '../../tsup.config.js';

const repo = resolve(import.meta.dirname, '../..');

/**
 * Builds the CLI bundle exactly as `npm run build` does (the same tsup config
 * entry), into a fresh directory under node_modules/.cache so that its imports
 * resolve from this repository's node_modules and parallel test files never
 * share (or clean) one dist/. Returns the path of cli.js.
 */
export async function buildCli(): Promise<string> {
  const all = (Array.isArray(configs) ? configs : [configs]) as Options[];
  const cliConfig = all.find((c) => c.entry && 'cli' in (c.entry as Record<string, string>));
  if (!cliConfig) throw new Error('tsup.config.ts has no cli entry');
  const parent = join(repo, 'node_modules', '.cache', 'kube-netdoctor-cli-test');
  mkdirSync(parent, { recursive: true });
  const outDir = mkdtempSync(join(parent, 'build-'));
  await build({ ...cliConfig, entry: { cli: join(repo, 'src/cli/main.ts') }, format: ['esm'], dts: false, outDir, sourcemap: false, silent: true, config: false });
  return join(outDir, 'cli.js');
}
