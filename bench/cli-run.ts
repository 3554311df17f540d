/// <reference types="node" />
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CliRun {
  wallMs: number;
  maxRssBytes: number;
  exitCode: number | null;
  findings: number;
  diagnostics: number;
}

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The CLI as a user runs it, in its own process: `analyze <dir> --format json --fail-on none`
 * from the sources through tsx (as `npx tsx src/cli/main.ts`), or the built `dist/cli.js` with
 * `built`. Wall time from spawn to exit, and the child's peak RSS (ru_maxrss, written at exit
 * by a preloaded module: portable, unlike /usr/bin/time).
 */
export async function runCli(dir: string, built = false): Promise<CliRun> {
  const tmp = mkdtempSync(join(tmpdir(), 'netdoctor-bench-'));
  const rssFile = join(tmp, 'max-rss');
  const args = [
    '--import', join(root, 'bench', 'max-rss-preload.mjs'),
    ...(built ? [join(root, 'dist', 'cli.js')] : ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts')]),
    'analyze', dir, '--format', 'json', '--fail-on', 'none', '--quiet',
  ];
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, BENCH_MAX_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'inherit'] });
  const out: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  let maxRssBytes = 0;
  try {
    maxRssBytes = Number(readFileSync(rssFile, 'utf8'));
  } catch {
    // the child died before its exit handler ran
  }
  rmSync(tmp, { recursive: true, force: true });
  let findings = -1;
  let diagnostics = -1;
  try {
    const report = JSON.parse(Buffer.concat(out).toString('utf8')) as { findings: unknown[]; diagnostics: unknown[] };
    findings = report.findings.length;
    diagnostics = report.diagnostics.length;
  } catch {
    // not a report: exitCode says why
  }
  return { wallMs, maxRssBytes, exitCode, findings, diagnostics };
}
