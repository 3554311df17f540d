import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir` with its bytes, as buildSnapshot takes them (paths relative to `dir`). */
export function filesOf(dir: string): Array<{ path: string; bytes: Uint8Array }> {
  const out: Array<{ path: string; bytes: Uint8Array }> = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ path: relative(dir, full), bytes: readFileSync(full) });
    }
  };
  walk(dir);
  return out;
}
