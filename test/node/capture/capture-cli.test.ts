import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';
import { linuxScript, windowsScript } from '../../../src/node/capture/scripts.generated.js';
import { loadSnapshot } from '../../../src/node/load-snapshot.js';
import { commands, readCalls, readManifest, standin } from './capture-helpers.js';

const root = new URL('../../../', import.meta.url).pathname;

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false, env: {} });
  return { code, stdout, stderr };
}

describe('kube-netdoctor capture (CLI)', { timeout: 180_000 }, () => {
  it('Ctrl-C: stops, deletes the pods it created, and writes the manifest as interrupted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netdoctor-sigint-'));
    const log = join(dir, 'calls.jsonl');
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'capture', join(dir, 'out'), '--kubectl', standin, '--nodes', 'node-a,win-1'], {
      cwd: root,
      env: { ...process.env, STANDIN_LOG: log, STANDIN_MODE: 'linux-hangs,win-hangs' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const execs = () => readCalls(log).filter((c) => c.argv.includes('exec')).length;
    for (let waited = 0; execs() < 2 && waited < 90_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
    expect(execs()).toBe(2);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).toContain('interrupted; cleaning up');
    expect(code).toBe(1);
    const run = commands(readCalls(log));
    const created = run.filter((c) => c === 'create -f -').length;
    const deleted = run.filter((c) => c.startsWith('delete pod netdoctor-')).map((c) => c.split(' ')[2]?.replace(/^netdoctor-\w+-/, '')).sort();
    expect(created).toBe(2);
    expect(deleted).toEqual(['node-a', 'win-1']);
    expect(readManifest(join(dir, 'out')).capture).toMatchObject({ interrupted: true });
  });

  it('usage errors exit 2; an existing non-empty directory is refused', async () => {
    expect((await cli(['capture'])).code).toBe(2);
    expect((await cli(['capture', 'a', 'b'])).code).toBe(2);
    expect((await cli(['capture', 'a', '--cloud', 'gcp'])).stderr).toContain('--cloud must be aliyun, tencent, azure, ibm');
    expect((await cli(['capture', 'a', '--concurrency', '0'])).code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'netdoctor-full-'));
    writeFileSync(join(dir, 'x'), '');
    const full = await cli(['capture', dir, '--kubectl', standin]);
    expect(full.code).toBe(2);
    expect(full.stderr).toContain('is not empty');
    expect((await cli(['capture', '--help'])).stdout).toContain('never Secrets');
  });

  it('--cloud prints the vendor commands and records them in the manifest', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'netdoctor-cloud-')), 'out');
    process.env.STANDIN_MODE = '';
    const run = await cli(['capture', dir, '--kubectl', standin, '--nodes', 'none', '--cloud', 'aliyun']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('aliyun vpc DescribeVSwitches --VpcId <vpc-id> > cloud/aliyun-vswitches.json');
    expect(readManifest(dir).capture.cloudCommands).toHaveLength(3);
  });

  it('--cloud runs a vendor command whose IDs were given when its CLI is on PATH', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'netdoctor-bin-'));
    const vswitches = join(root, 'test/fixtures/outputs/aliyun-vswitches/terway-three-zones.json');
    writeFileSync(join(bin, 'aliyun'), `#!/bin/sh\necho "$@" >> "${bin}/calls"\ncat "${vswitches}"\n`, { mode: 0o755 });
    const dir = join(mkdtempSync(join(tmpdir(), 'netdoctor-cloud-')), 'out');
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    try {
      const run = await cli(['capture', dir, '--kubectl', standin, '--nodes', 'none', '--cloud', 'aliyun', '--cloud-id', 'vpc-id=vpc-bp1x']);
      expect(run.code).toBe(0);
    } finally {
      process.env.PATH = path;
    }
    expect(readFileSync(join(bin, 'calls'), 'utf8')).toBe('vpc DescribeVSwitches --VpcId vpc-bp1x\n');
    expect(readFileSync(join(dir, 'cloud/aliyun-vswitches.json'), 'utf8')).toBe(readFileSync(vswitches, 'utf8'));
    const manifest = readManifest(dir).capture;
    expect(manifest.captured).toContain('cloud/aliyun-vswitches.json');
    expect(manifest.cloudCommands).toEqual([
      'aliyun vpc DescribeSnatTableEntries --SnatTableId <snat-table-id> > cloud/aliyun-snat-entries.json',
      'aliyun vpc DescribeRouteEntryList --RouteTableId <route-table-id> > cloud/aliyun-route-entries.json',
    ]);
    const loaded = await loadSnapshot(dir);
    expect(loaded.diagnostics).toEqual([]);
    expect(Object.keys(loaded.snapshot.cloud)).toEqual(['aliyun-vswitches.json']);
  });
});

describe('kube-netdoctor capture-script', () => {
  it('prints the same scripts capture runs', async () => {
    expect((await cli(['capture-script', 'linux'])).stdout).toBe(linuxScript);
    expect((await cli(['capture-script', 'windows'])).stdout).toBe(windowsScript);
    expect((await cli(['capture-script', 'macos'])).code).toBe(2);
  });

  it('the Linux script run over "SSH" (here: locally) writes the layout into a directory', () => {
    const out = mkdtempSync(join(tmpdir(), 'netdoctor-script-'));
    mkdirSync(out, { recursive: true });
    const run = spawnSync('sh', [join(root, 'src/node/capture/scripts/linux.sh'), out], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    // Whatever this machine lacks is said on stderr, never fatal; ps always exists.
    expect(existsSync(join(out, 'processes'))).toBe(true);
    expect(readFileSync(join(out, 'processes'), 'utf8')).toMatch(/^\s*PID COMMAND/);
  });

  it('shellcheck finds nothing in linux.sh (POSIX sh)', () => {
    const found = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' });
    if (found.error && !process.env.CI) return; // .ci/run installs shellcheck; locally it may be absent
    expect(execFileSync('shellcheck', ['-s', 'sh', join(root, 'src/node/capture/scripts/linux.sh')], { encoding: 'utf8' })).toBe('');
  });

  it('windows.ps1 uses nothing newer than Windows PowerShell 5.1', () => {
    const script = readFileSync(join(root, 'src/node/capture/scripts/windows.ps1'), 'utf8');
    // PowerShell 6/7 only: ternary and null-coalescing operators, pipeline chains, ForEach-Object -Parallel,
    // the `clean` block, -AsHashtable / -Depth on ConvertFrom-Json, $IsWindows, Get-Error.
    for (const newer of [/\s\?\?=?\s/, /\s\?\s[^:]+\s:\s/, /\s(&&|\|\|)\s/, /-Parallel\b/, /^\s*clean\s*\{/m, /ConvertFrom-Json[^\n]*-(AsHashtable|Depth)/, /\$IsWindows\b/, /\bGet-Error\b/, /#requires -version [67]/i]) {
      expect(script).not.toMatch(newer);
    }
    expect(script).not.toMatch(/[^\x00-\x7f]/); // ASCII only: 5.1 reads a BOM-less script in the ANSI code page
  });
});
