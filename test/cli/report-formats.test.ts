import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { scenarioNames, scenarioRoot } from '../reporters/scenario-reports.js';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false, env: {} });
  return { code, stdout, stderr };
}

const out = mkdtempSync(join(tmpdir(), 'kube-netdoctor-formats-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** What each format's document must start as, and a check that it is whole. */
const formats = {
  sarif: (text: string) => expect(JSON.parse(text)).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'kube-netdoctor' } } }] }),
  junit: (text: string) => expect(XMLValidator.validate(text)).toBe(true),
  markdown: (text: string) => expect(text).toMatch(/^## kube-netdoctor: .+\n[\s\S]*\| Severity \| Findings \|/),
  html: (text: string) => expect(text).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/),
} as const;

describe('analyze --format sarif|junit|markdown|html [--output <file>]', () => {
  for (const name of scenarioNames) {
    it(`${name}: every format, written with --output, exit code as for text`, async () => {
      const snapshot = new URL(name, scenarioRoot).pathname;
      const text = await run(['analyze', snapshot]);
      for (const [format, check] of Object.entries(formats)) {
        const file = join(out, `${name}.${format}`);
        const result = await run(['analyze', snapshot, '--format', format, '--output', file]);
        expect(result.stdout, format).toBe('');
        expect(result.code, format).toBe(text.code);
        check(readFileSync(file, 'utf8'));
      }
    });
  }

  it('prints to standard output without --output', async () => {
    const { code, stdout } = await run(['analyze', new URL('bad-input', scenarioRoot).pathname, '--format', 'sarif', '--fail-on', 'none']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).version).toBe('2.1.0');
  });

  it('an unwritable --output is one line and exit 2; an unknown format is a usage error', async () => {
    const snapshot = new URL('bad-input', scenarioRoot).pathname;
    const missing = await run(['analyze', snapshot, '--format', 'html', '--output', join(out, 'no-such-folder', 'report.html')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot write --output .*no-such-folder\/report\.html \(ENOENT\): its folder does not exist\n$/);
    const unknown = await run(['analyze', snapshot, '--format', 'xml']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('xml');
  });
});
