import { z } from 'zod';

/**
 * Something about the input the user should know: a file that could not be
 * read, a line a parser did not understand, an inference the loader made.
 * Diagnostics never quote file content, so secret values cannot leak through them.
 */
export const Diagnostic = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

export function diagnostic(
  severity: Diagnostic['severity'],
  code: string,
  message: string,
  where: { file?: string | undefined; line?: number | undefined } = {},
): Diagnostic {
  const d: Diagnostic = { severity, code, message };
  if (where.file !== undefined) d.file = where.file;
  if (where.line !== undefined) d.line = where.line;
  return d;
}

const severityOrder = { error: 0, warning: 1, info: 2 } as const;

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    severityOrder[a.severity] - severityOrder[b.severity] ||
    a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message)
  );
}
