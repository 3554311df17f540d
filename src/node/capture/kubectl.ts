/// <reference types="node" />
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/** How to reach the cluster: the user's own kubectl and kubeconfig, nothing of ours. */
export interface KubectlTarget {
  /** kubectl executable (default `kubectl` on PATH). */
  kubectl: string;
  context?: string;
  kubeconfig?: string;
}

export interface RunOptions {
  /** Written to kubectl's stdin, then closed. */
  stdin?: string;
  /** Kill kubectl after this many milliseconds. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Stream stdout into this file instead of memory (large Lists). */
  stdoutFile?: string;
}

export interface RunResult {
  /** Exit code; null when killed or when kubectl could not start. */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  aborted: boolean;
  /** Why kubectl could not start (ENOENT …). */
  spawnError?: string;
}

/** The flags that select the user's cluster, placed before every command. */
export function globalArgs(target: KubectlTarget): string[] {
  const args: string[] = [];
  if (target.kubeconfig) args.push(`--kubeconfig=${target.kubeconfig}`);
  if (target.context) args.push(`--context=${target.context}`);
  return args;
}

/**
 * Runs kubectl with an argument array (never a shell string, so no quoting can go
 * wrong and nothing is interpreted by a shell).
 */
export function runKubectl(target: KubectlTarget, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const result: RunResult = { code: null, stdout: '', stderr: '', timedOut: false, aborted: false };
    if (options.signal?.aborted) return resolve({ ...result, aborted: true });
    const child = spawn(target.kubectl, [...globalArgs(target), ...args], { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const file = options.stdoutFile ? createWriteStream(options.stdoutFile) : undefined;
    if (file) child.stdout.pipe(file);
    else child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const kill = () => {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    };
    const timer = options.timeoutMs ? setTimeout(() => ((result.timedOut = true), kill()), options.timeoutMs) : undefined;
    const onAbort = () => ((result.aborted = true), kill());
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdin.on('error', () => undefined); // kubectl may exit before reading all of stdin
    child.stdin.end(options.stdin ?? '');
    let spawnError: string | undefined;
    child.on('error', (e: NodeJS.ErrnoException) => (spawnError = e.code ?? e.message));
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      const finish = () =>
        resolve({ ...result, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ...(spawnError ? { spawnError } : {}) });
      if (file) file.end(finish);
      else finish();
    });
  });
}

/** The first line kubectl printed as an error, or a summary of how the run ended. */
export function failureOf(result: RunResult): string {
  if (result.spawnError) return `kubectl could not be started (${result.spawnError})`;
  if (result.aborted) return 'interrupted';
  if (result.timedOut) return 'timed out';
  const line = result.stderr.split('\n').map((l) => l.trim()).find((l) => l !== '');
  return line ?? `kubectl exited with code ${result.code}`;
}
