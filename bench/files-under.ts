/// <reference types="node" />
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every regular file under `dir`, at any depth: what a generated snapshot holds. */
export const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
