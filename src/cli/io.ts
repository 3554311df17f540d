/** What the CLI talks to; tests pass their own, `main.ts` passes the process's. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stdout is a terminal (colour in text output). */
  isTty: boolean;
  /** stderr is a terminal (progress is drawn only then). */
  stderrIsTty?: boolean;
  env: Record<string, string | undefined>;
  /** The whole of standard input, for the `-` snapshot argument. */
  readStdin?: () => Promise<Uint8Array>;
  /** Directory relative paths are resolved against (default: the process's). */
  cwd?: string;
  /** Aborted on Ctrl-C (capture cleans up its pods). */
  signal?: AbortSignal;
  /** Today, for suppression expiry (default: the clock). */
  now?: Date;
}

/**
 * Colour on a TTY, as most tools do: FORCE_COLOR (other than 0/false) forces it on,
 * as in Node itself; NO_COLOR (non-empty) and TERM=dumb turn it off.
 */
export function colorEnabled(io: Pick<CliIo, 'env' | 'isTty'>): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (io.env.NO_COLOR) return false;
  if (io.env.TERM === 'dumb') return false;
  return io.isTty;
}

/** What a command's action gets besides its options: the IO and where to put its exit code. */
export interface CommandContext {
  io: CliIo;
  setExitCode: (code: number) => void;
}
