import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './import-graph.js';

const src = resolve(import.meta.dirname, '../../src');
/** The style guide's ceiling for one module; a parser, fact or operator aims at about 200. */
const MAX_LINES = 450;

const lineCount = (text: string) => (text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0));

/** Modules in `dir` longer than `max` lines, as `path: lines`; generated files are exempt. */
function oversizedModules(dir: string, max = MAX_LINES): string[] {
  return sourceFiles(dir)
    .filter((file) => !file.endsWith('.generated.ts'))
    .map((file) => ({ file: relative(dir, file), lines: lineCount(readFileSync(file, 'utf8')) }))
    .filter(({ lines }) => lines > max)
    .map(({ file, lines }) => `${file}: ${lines}`)
    .sort();
}

describe('module size', () => {
  it(`no module in src/ (apart from *.generated.ts) is over ${MAX_LINES} lines: split it where a reader would`, () => {
    expect(oversizedModules(src)).toEqual([]);
  });

  it('finds a module over the limit, counting lines as an editor does, and exempts generated files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'module-size-'));
    try {
      const lines = (n: number) => 'export const x = 1;\n'.repeat(n);
      mkdirSync(join(dir, 'area'));
      writeFileSync(join(dir, 'area', 'long.ts'), lines(MAX_LINES + 1));
      writeFileSync(join(dir, 'at-limit.ts'), lines(MAX_LINES));
      writeFileSync(join(dir, 'no-final-newline.ts'), lines(MAX_LINES).trimEnd());
      writeFileSync(join(dir, 'table.generated.ts'), lines(2000));
      expect(oversizedModules(dir)).toEqual([`area/long.ts: ${MAX_LINES + 1}`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
