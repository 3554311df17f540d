import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import { formatJson } from '../../src/reporters/json.js';
import { buildSnapshot, type SnapshotFile } from '../../src/snapshot/build-snapshot.js';

const repo = new URL('../..', import.meta.url).pathname;

function filesOf(dir: string): SnapshotFile[] {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(dir).map((full) => ({ path: relative(dir, full), bytes: new Uint8Array(readFileSync(full)) }));
}

const problems = (report: Awaited<ReturnType<typeof analyze>>, file: string) =>
  report.diagnostics.filter((d) => d.file === file).map((d) => [d.severity, d.code, d.line]);

describe('every file counts or says why not', () => {
  /**
   * test/fixtures/hostile/unread-files: bad-input's nodes.json and snapshot.yaml, an ipvsadm captured
   * without -n (test/fixtures/outputs/ipvsadm/names-resolved.txt) and a PowerShell UTF-16LE
   * hns-endpoints.json cut off at an odd byte (ps51-overlay.json re-encoded, 5,199 of 10,398 bytes).
   * No rule reads either here; both used to end the analysis without a word.
   */
  it('a file no rule reads is still checked by its parser, and says that no rule read it', async () => {
    const { snapshot, diagnostics } = await loadSnapshot(join(repo, 'test/fixtures/hostile/unread-files'));
    const report = await analyze(snapshot, { diagnostics });
    // The Windows rules read hns-endpoints.json now: its parse error reaches the report through them.
    expect(problems(report, 'nodes/win-worker-1/hns-endpoints.json')).toEqual([['error', 'syntax', 64]]);
    expect(problems(report, 'nodes/k8s-master/ipvsadm')).toEqual([
      ['info', 'unread-file', undefined],
      ['warning', 'names-resolved', 4],
    ]);
    expect(report.diagnostics.find((d) => d.code === 'unread-file' && d.file?.endsWith('/ipvsadm'))?.message).toBe(
      'no rule read this file in this analysis (its rules did not apply or lacked other data); checked with the ipvsadm parser only',
    );
  });

  it('the warning of an ipvsadm without -n reaches the report when a rule reads it through the compact scan', async () => {
    const files = filesOf(join(repo, 'snapshots/rules/tke-service-rules/fires-ipvs-stale-real-server')).map((f) =>
      f.path === 'nodes/10.0.0.12/ipvsadm'
        ? { path: f.path, text: new TextDecoder().decode(f.bytes).replace('169.254.128.15:60002', 'ecs-169-254-128-15:60002') }
        : f,
    );
    const built = buildSnapshot(files);
    const report = await analyze(built.snapshot, { diagnostics: built.diagnostics, only: ['tke-service-rules'] });
    expect(problems(report, 'nodes/10.0.0.12/ipvsadm')).toEqual([['warning', 'names-resolved', 5]]);
  });

  it('a rule silent on a subject because a file it read is unusable lists the subject in notEvaluated with the file', async () => {
    const { snapshot, diagnostics } = await loadSnapshot(join(repo, 'snapshots/scenarios/ack-flannel-dedicated-misplanned'));
    const report = await analyze(snapshot, { diagnostics });
    const entries = report.notEvaluated.flatMap((n) => n.missing.filter((m) => m.reason === 'unusable-file').map((m) => ({ ruleId: n.ruleId, ...m })));
    expect(entries).toEqual([
      {
        ruleId: 'ack-ipv6-dualstack',
        reason: 'unusable-file',
        file: 'kube-system.yaml (ConfigMap kube-system/kube-proxy-master key config.conf)',
        capture:
          'a readable kube-system.yaml (ConfigMap kube-system/kube-proxy-master key config.conf) (this one: MULTILINE_IMPLICIT_KEY: Implicit keys need to be on a single line)',
        subjects: [{ kind: 'Cluster', name: 'ack-bj-erp-2026-11-20' }],
      },
    ]);
    expect(report.rules.find((r) => r.ruleId === 'ack-ipv6-dualstack')?.status).toBe('not-evaluated');
  });
});

describe('deterministic', () => {
  const scenarios = readdirSync(join(repo, 'snapshots/scenarios')).filter((n) => statSync(join(repo, 'snapshots/scenarios', n)).isDirectory());

  /** A seeded Fisher–Yates shuffle, so a failure replays. */
  function shuffled<T>(list: readonly T[], seed: number): T[] {
    const out = [...list];
    let state = seed;
    for (let i = out.length - 1; i > 0; i--) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      const j = state % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  it.each(scenarios)('%s: byte-identical JSON report whatever the order of its files', async (name) => {
    const files = filesOf(join(repo, 'snapshots/scenarios', name));
    const reportOf = async (list: SnapshotFile[]) => {
      const built = buildSnapshot(list);
      return formatJson(await analyze(built.snapshot, { diagnostics: built.diagnostics }));
    };
    const { snapshot, diagnostics } = await loadSnapshot(join(repo, 'snapshots/scenarios', name));
    const fromDisk = formatJson(await analyze(snapshot, { diagnostics }));
    expect(await reportOf(files)).toBe(fromDisk);
    for (const seed of [1, 2, 3]) expect(await reportOf(shuffled(files, seed))).toBe(fromDisk);
    expect(await reportOf([...files].reverse())).toBe(fromDisk);
  });
});
