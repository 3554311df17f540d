import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type CaptureOptions, capture } from '../../../src/node/capture/capture.js';

export const standin = new URL('../../fixtures/capture/kubectl-standin.mjs', import.meta.url).pathname;

export interface Call {
  argv: string[];
  stdin: string;
}

/** Runs the real capture against the recorded kubectl; returns the result, the calls it made and the manifest. */
export async function captureWithStandin(mode: string[], options: Partial<CaptureOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'netdoctor-capture-'));
  const outDir = join(dir, 'snapshot');
  const log = join(dir, 'calls.jsonl');
  process.env.STANDIN_LOG = log;
  process.env.STANDIN_MODE = mode.join(',');
  const progress: string[] = [];
  const result = await capture({ outDir, target: { kubectl: standin, context: 'rec-cluster' }, runId: 'r1', progress: (l) => progress.push(l), ...options });
  return { result, outDir, progress, calls: readCalls(log), manifest: readManifest(outDir) };
}

export function readCalls(log: string): Call[] {
  return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Call) : [];
}

export function readManifest(outDir: string) {
  const path = join(outDir, 'snapshot.yaml');
  return existsSync(path) ? parse(readFileSync(path, 'utf8')) : undefined;
}

/** The calls' arguments without the global flags, as one string each. */
export const commands = (calls: Call[]) => calls.map((c) => c.argv.filter((a) => !a.startsWith('--context=')).join(' '));
