/** What the CLI reads and writes, so tests can drive it without a process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  env: Record<string, string | undefined>;
  /** Aborted on Ctrl-C (capture cleans up its pods). */
  signal?: AbortSignal;
}
