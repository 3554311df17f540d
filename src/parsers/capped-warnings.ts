import { type Diagnostic, diagnostic } from '../diagnostics.js';

/** How many per-line warnings a file may produce before they are summarised. */
export const WARNING_LIMIT = 20;

export interface CappedWarnings {
  /** Records a per-line warning; past the limit it is only counted. */
  warn(code: string, message: string, line: number): void;
  /** The warnings kept, plus one summary diagnostic if some were dropped. */
  finish(): Diagnostic[];
}

/**
 * Collects line-level warnings for one file so that a garbled file of ten
 * thousand lines yields twenty diagnostics and a count, not ten thousand.
 */
export function cappedWarnings(file: string | undefined, limit = WARNING_LIMIT): CappedWarnings {
  const kept: Diagnostic[] = [];
  let dropped = 0;
  return {
    warn(code, message, line) {
      if (kept.length < limit) kept.push(diagnostic('warning', code, message, { file, line }));
      else dropped += 1;
    },
    finish() {
      if (dropped === 0) return kept;
      return [
        ...kept,
        diagnostic('warning', 'too-many-warnings', `${dropped} further line warnings were not reported individually`, {
          file,
        }),
      ];
    },
  };
}

/** Splits text into lines paired with their 1-based numbers, dropping the empty tail after a final newline. */
export function numberedLines(text: string): { text: string; line: number }[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((content, index) => ({ text: content, line: index + 1 }));
}

/**
 * Visits each line with its 1-based number without building an array of lines: `conntrack -L` of a busy
 * node or a day of logs can run to millions of lines.
 */
export function forEachLine(text: string, visit: (line: string, number: number) => void): void {
  let start = 0;
  for (let number = 1; start < text.length; number += 1) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    visit(text.slice(start, stop), number);
    start = stop + 1;
  }
}
