/**
 * The issue-10 "done when": a fresh consumer project with only the packed tarball installed
 * (dependencies from the local npm cache) validates the acme rule, runs it through the CLI together
 * with the built-in catalog, runs a RuleTester test for it under vitest, and type-checks every
 * ```ts block of README.md against the built package under node16, nodenext and bundler resolution.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = new URL('../../', import.meta.url).pathname;
const acme = join(repo, 'test/fixtures/acme');
const minutes = 60_000;
let project = '';

function sh(command: string, args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { code: e.status ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The newest modification time under a path (files only). */
function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'netdoctor-consumer-'));
  // Pack as `npm publish` would (prepack builds); skip the build when dist/ is newer than every input.
  const fresh = (() => {
    try {
      return newest(join(repo, 'dist')) > Math.max(newest(join(repo, 'src')), newest(join(repo, 'package.json')), newest(join(repo, 'tsup.config.ts')));
    } catch {
      return false;
    }
  })();
  const packed = sh('npm', ['pack', '--json', '--pack-destination', work, ...(fresh ? ['--ignore-scripts'] : [])], repo);
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const tarball = join(work, (JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string }>)[0]!.filename);

  project = join(work, 'consumer');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  const installed = sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
  if (installed.code !== 0) throw new Error(`npm install of the tarball failed:\n${installed.stderr}`);
  // The test runner and Node's types come from this repository (a consumer brings their own).
  symlinkSync(join(repo, 'node_modules/vitest'), join(project, 'node_modules/vitest'), 'dir');
  mkdirSync(join(project, 'node_modules/@types'), { recursive: true });
  symlinkSync(join(repo, 'node_modules/@types/node'), join(project, 'node_modules/@types/node'), 'dir');

  cpSync(join(acme, 'my-rules'), join(project, 'my-rules'), { recursive: true });
  cpSync(join(acme, 'snapshots'), join(project, 'fixtures'), { recursive: true });
  cpSync(join(repo, 'snapshots/scenarios/tke-security-groups'), join(project, 'cluster-snapshot'), { recursive: true });
}, 20 * minutes);

afterAll(() => {
  if (project) rmSync(join(project, '..'), { recursive: true, force: true });
});

describe('a consumer project with only the tarball installed', { timeout: 5 * minutes }, () => {
  it('validates the rule in my-rules/', () => {
    const result = sh('npx', ['--no', 'kube-netdoctor', 'validate', 'my-rules'], project);
    expect(result).toEqual({ code: 0, stdout: '1 valid rule(s) in 1 file(s)\n', stderr: '' });
  });

  it('reports the rule together with the built-in findings: npx kube-netdoctor analyze <snapshot> --rules my-rules', () => {
    const result = sh('npx', ['--no', 'kube-netdoctor', 'analyze', 'cluster-snapshot', '--rules', 'my-rules', '--format', 'json', '--fail-on', 'none'], project);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; subject: { namespace?: string; name: string }; message: string }> };
    const own = report.findings.filter((f) => f.ruleId === 'acme-svc-single-endpoint');
    expect(own.map((f) => f.message)).toEqual([
      'Service default/kubernetes has one ready endpoint: a single pod failure takes it down.',
      'Service default/web has one ready endpoint: a single pod failure takes it down.',
    ]);
    const builtin = report.findings.filter((f) => f.ruleId !== 'acme-svc-single-endpoint').map((f) => f.ruleId);
    expect(builtin.length).toBeGreaterThan(0);
    expect(builtin.every((id) => /^(iks|win|rancher|tke|ack|x)-/.test(id))).toBe(true);
    const text = sh('npx', ['--no', 'kube-netdoctor', 'analyze', 'cluster-snapshot', '--rules', 'my-rules', '--fail-on', 'none'], project);
    expect(text.stdout).toContain('source: https://wiki.example.com/ha «HA policy»');
  });

  it('runs a RuleTester test for the rule under vitest', () => {
    mkdirSync(join(project, 'test'), { recursive: true });
    writeFileSync(
      join(project, 'test/acme-svc-single-endpoint.test.ts'),
      `import { describe, it } from 'vitest';
import { loadRuleFiles } from 'kube-netdoctor/node';
import { RuleTester } from 'kube-netdoctor/testing';

const cart = { kind: 'Service', namespace: 'shop', name: 'cart' } as const;
const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'cart', namespace: 'shop' }, spec: { clusterIP: '10.96.0.10', selector: { app: 'cart' }, ports: [{ port: 80 }] } };
const endpoints = (...ips: string[]) => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'cart', namespace: 'shop' }, subsets: [{ addresses: ips.map((ip) => ({ ip })) }] });

new RuleTester({ describe, it, extraRules: await loadRuleFiles('my-rules') }).run('acme-svc-single-endpoint', {
  valid: ['fixtures/silent-two-ready-endpoints', { name: 'inline, two ready', snapshot: { objects: [service, endpoints('10.244.1.2', '10.244.2.3')] } }],
  invalid: [
    { snapshot: 'fixtures/fires-one-ready-endpoint', findings: [{ messageId: 'single', subject: cart, severity: 'warning' }] },
    { name: 'inline, one ready', snapshot: { objects: [service, endpoints('10.244.1.2')] }, findings: [{ messageId: 'single', subject: cart }] },
  ],
});
`,
    );
    const result = sh(process.execPath, [join(repo, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter', 'verbose'], project);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('4 passed');
  });

  it.each(['node16', 'nodenext', 'bundler'])("type-checks README.md's TypeScript blocks under moduleResolution %s", (resolution) => {
    const blocks = [...readFileSync(join(repo, 'README.md'), 'utf8').matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const dir = join(project, `readme-${resolution}`);
    mkdirSync(dir, { recursive: true });
    blocks.forEach((code, i) => writeFileSync(join(dir, `block-${i + 1}.ts`), `${code}\nexport {};\n`));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          lib: ['ES2022', 'DOM'],
          types: ['node'],
          module: resolution === 'bundler' ? 'ESNext' : resolution,
          moduleResolution: resolution,
          skipLibCheck: true,
        },
        include: ['*.ts'],
      }),
    );
    const result = sh(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', dir], project);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
