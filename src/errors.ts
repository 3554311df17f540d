/**
 * One base error for everything the library throws on purpose. Each carries a
 * stable `code`, and where the input came from a file, the `file` and `line`,
 * so a caller (and the analysis itself) can turn it into a diagnostic.
 */
export interface ErrorLocation {
  file?: string;
  line?: number;
}

export class NetdoctorError extends Error {
  override name = 'NetdoctorError';
  readonly code: string;
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(code: string, message: string, options: ErrorLocation & { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.file = options.file;
    this.line = options.line;
  }
}

/** A snapshot file or directory could not be read or understood. */
export class SnapshotError extends NetdoctorError {
  override name = 'SnapshotError';
}

/** A rule file is invalid: bad schema, unknown fact, operator or spec id. */
export class CatalogError extends NetdoctorError {
  override name = 'CatalogError';
}

/** Text could not be parsed (command output, YAML, JSON, a version). */
export class ParseError extends NetdoctorError {
  override name = 'ParseError';
}

/** An address or CIDR string is not valid. */
export class CidrError extends ParseError {
  override name = 'CidrError';
}

/**
 * Thrown by a fact when the snapshot lacks the data it needs for one subject.
 * The engine reports the rule as not evaluated for that subject, with `capture`
 * telling the user what to add to the snapshot.
 */
export class MissingDataError extends NetdoctorError {
  override name = 'MissingDataError';
  readonly capture: string;

  constructor(capture: string, message = `missing data: ${capture}`) {
    // Not a fault but an answer ("capture this"), thrown per subject that lacks data: no stack to collect.
    super('missing-data', withoutStack(message));
    V8Error.stackTraceLimit = stackTraceLimit;
    this.capture = capture;
  }
}

/** `stackTraceLimit` is V8's (Node, Chromium); elsewhere it is an unused property, set and restored. */
const V8Error = Error as ErrorConstructor & { stackTraceLimit?: number };
let stackTraceLimit = V8Error.stackTraceLimit;
/** Turns stack capture off for the one Error constructor call it is an argument of (restored right after it). */
function withoutStack(message: string): string {
  stackTraceLimit = V8Error.stackTraceLimit;
  V8Error.stackTraceLimit = 0;
  return message;
}
