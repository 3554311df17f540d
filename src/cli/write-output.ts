/// <reference types="node" />
import { writeFile } from 'node:fs/promises';

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
