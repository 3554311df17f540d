import type { AnalyzeProgress } from '../analyze.js';
import type { LoadProgress } from '../node/load-snapshot.js';
import type { CliIo } from './io.js';

export interface Progress {
  loading(progress: LoadProgress): void;
  evaluating(progress: AnalyzeProgress, objects: number): void;
  /** Clears the line, if anything was drawn. */
  done(): void;
}

const silent: Progress = { loading() {}, evaluating() {}, done() {} };

/**
 * One self-overwriting line on stderr, only when stderr is a terminal, not with
 * --quiet, and only once the work has taken more than a moment (so fast runs and
 * piped or captured output never see it). KUBE_NETDOCTOR_STDERR_TTY=1 and
 * KUBE_NETDOCTOR_PROGRESS_DELAY_MS let tests stand in for a terminal and a slow run.
 */
export function createProgress(io: CliIo, quiet: boolean): Progress {
  const isTty = io.stderrIsTty === true || io.env.KUBE_NETDOCTOR_STDERR_TTY === '1';
  if (quiet || !isTty) return silent;
  const delay = Number(io.env.KUBE_NETDOCTOR_PROGRESS_DELAY_MS ?? 300);
  const started = Date.now();
  let last = -Infinity;
  let width = 0;
  const draw = (text: string, force = false) => {
    const now = Date.now();
    if (now - started < delay || (!force && now - last < 100)) return;
    last = now;
    io.stderr(`\r${text.padEnd(width)}`);
    width = text.length;
  };
  return {
    loading: (p) => draw(`kube-netdoctor: reading files ${p.files}/${p.totalFiles} (${megabytes(p.bytes)} of ${megabytes(p.totalBytes)})`, p.files === p.totalFiles),
    evaluating: (p, objects) =>
      draw(`kube-netdoctor: ${objects.toLocaleString('en-US')} objects loaded; evaluating rule ${p.rules + 1}/${p.totalRules} (${p.ruleId})`, p.rules + 1 === p.totalRules),
    done: () => {
      if (width > 0) io.stderr(`\r${' '.repeat(width)}\r`);
      width = 0;
    },
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
