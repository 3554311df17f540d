import { z } from 'zod';

/**
 * Where a value came from. `line` is a line of `file`, except when `key` is set:
 * then the value is text embedded in an object's field (a ConfigMap key) and
 * `line` counts within that text.
 */
export const Source = z.object({
  file: z.string(),
  line: z.number().int().positive().optional(),
  object: z.string().optional(),
  key: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

export function describeSource(source: Source): string {
  const parts = [source.file];
  if (source.object) parts.push(source.object);
  if (source.key) parts.push(`key ${source.key}`);
  if (source.line !== undefined) parts.push(`line ${source.line}`);
  return parts.join(', ');
}
