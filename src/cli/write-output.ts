/// <reference types="node" />
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';

/** Writes a report to `--output <file>`; returns a one-line problem, or undefined when written. */
export async function writeOutput(file: string, text: string): Promise<string | undefined> {
  try {
    await writeFile(file, text, 'utf8');
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `cannot write --output ${file}${code ? ` (${code})` : ''}: ${code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message}`;
  }
}

/**
 * The snapshot directory relative to the working directory (in CI, the repository root), so that
 * SARIF paths point at the files in the repository; undefined when the snapshot lies outside it.
 */
export function sarifPathPrefix(snapshot: string): string | undefined {
  try {
    if (!statSync(snapshot).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const path = relative(process.cwd(), snapshot);
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
  return path;
}
