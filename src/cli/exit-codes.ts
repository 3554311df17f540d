/** The CLI's exit codes, as documented in the README and every `--help`. */
export const ExitCode = {
  /** Nothing reached --fail-on. */
  ok: 0,
  /** A finding reached --fail-on (or `validate`: a rule file is invalid). */
  findings: 1,
  /** Usage error, or nothing could be loaded. */
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A problem with how the CLI was called or with its input: one line on stderr, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** Printed after the message (e.g. which --help to read). */
    readonly hint?: string,
  ) {
    super(message);
  }
}

export const exitCodesHelp = 'Exit codes: 0 nothing reached --fail-on, 1 something did, 2 usage error or nothing could be loaded.';
