#!/usr/bin/env node
/// <reference types="node" />
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli.js';

export { runCli } from './run-cli.js';
export type { CliIo } from './io.js';

/**
 * True when this file is what node was asked to run — whatever the launcher is
 * called: a symlink (npm's node_modules/.bin), a renamed copy, npm's Windows shim.
 * Comparing real paths, not names, is what makes that hold.
 */
function isMainModule(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    env: process.env,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`kube-netdoctor: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
