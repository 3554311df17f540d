import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../src/snapshot/build-snapshot.js';
import { parsers } from '../../src/parsers/index.js';
import { maxNestingDepth, parseStructured, parseStructuredOne } from '../../src/parsers/structured-text.js';

/**
 * test/fixtures/hostile/deep-nesting: files of 20,000 nested brackets written by
 * `node -e` (objects as YAML, a not-quite-JSON object file that falls back to the
 * YAML reader, a cloud inventory file and a CNI config) beside copies of
 * ack-flannel-after-manual-upgrade's nodes.json and kube-system.yaml. Before the
 * depth check, `analyze` on it died with "FATAL ERROR: RegExpCompiler Allocation
 * failed" (exit 134, no report): yaml's recursive composer exhausted the stack
 * inside V8's regular-expression compiler, which no try/catch can catch.
 */
const fixture = new URL('../fixtures/hostile/deep-nesting', import.meta.url).pathname;
const cli = new URL('../../src/cli/main.ts', import.meta.url).pathname;

const deepTexts = {
  brackets: '['.repeat(5_000) + ']'.repeat(5_000),
  objects: '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
  blockSequences: '- '.repeat(5_000) + 'x',
  unclosed: '{"kind":"List","items":' + '['.repeat(5_000),
};

describe('deeply nested input', () => {
  it('analyze exits with a report naming every too-deep file, in its own process', async () => {
    const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, 'analyze', fixture, '--format', 'json'], {
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect([0, 1]).toContain(run.code);
    const report = JSON.parse(run.stdout) as { diagnostics: Array<{ code: string; file?: string; line?: number }>; findings: unknown[] };
    const tooDeep = report.diagnostics.filter((d) => d.code === 'too-deep').map((d) => [d.file, d.line]);
    expect(tooDeep).toEqual([
      ['cloud/aliyun-vswitches.json', 1],
      ['configmaps.json', 1],
      ['deep-objects.yaml', 1],
      ['nodes/cn-hangzhou.192.168.0.10/cni/10-flannel.conflist', 1],
    ]);
    // The rest of the snapshot is still analysed.
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it('the YAML reader reads nesting up to the limit and refuses deeper text with its line', () => {
    const atLimit = '['.repeat(maxNestingDepth) + ']'.repeat(maxNestingDepth);
    expect(parseStructured(atLimit).diagnostics).toEqual([]);
    const deeper = `a: 1\nb:\n  ${'['.repeat(maxNestingDepth + 1)}${']'.repeat(maxNestingDepth + 1)}`;
    expect(parseStructured(deeper, { file: 'x.yaml' }).diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'too-deep', file: 'x.yaml', line: 3 }),
    ]);
    expect(parseStructuredOne(deepTexts.objects, { lineOffset: 4 }).diagnostics).toEqual([expect.objectContaining({ code: 'too-deep', line: 5 })]);
  });

  it.each(Object.entries(deepTexts))('no exported parser throws or dies on %s', (_, text) => {
    for (const parser of parsers) {
      const result = parser.parse(text, { file: 'deep' });
      expect(result.diagnostics.every((d) => d.file === 'deep')).toBe(true);
    }
  });

  it('buildSnapshot turns deep files of every role into diagnostics', () => {
    const files = ['pods.yaml', 'pods.json', 'snapshot.yaml', 'cloud/aliyun-vswitches.json', 'nodes/n1/cni/10-flannel.conflist', 'cluster/ibmcloud-ks-cluster-get.json'].map(
      (path) => ({ path, text: deepTexts.objects.slice(0, -1) }),
    );
    const { diagnostics } = buildSnapshot(files);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).toEqual(expect.arrayContaining(['pods.yaml', 'pods.json', 'snapshot.yaml']));
  });
});
