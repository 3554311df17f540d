// Checks the built package as a user gets it (run after `npm run build`; CI does, see .ci/run):
// every entry resolves through the `exports` map for import and require, one copy of the library
// is shared by all entries (instanceof holds across them), the core bundles for a browser and the
// `cidr` subpath bundles alone under 60 KB minified, the tarball has LICENSE and no source maps,
// `attw` (types under node10, node16 CJS/ESM and bundler resolution) and `publint` are clean,
// the CLI runs and the JSON Schemas ship.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
};
const run = (command, args) => {
  try {
    return { ok: true, out: execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (error) {
    return { ok: false, out: `${error.stdout ?? ''}${error.stderr ?? ''}` };
  }
};

const esm = await import('kube-netdoctor');
const cjs = require('kube-netdoctor');
for (const name of ['analyze', 'buildSnapshot', 'cidrContains', 'mergeCidrs', 'subtractCidrs', 'rangeToCidrs', 'usableAddresses', 'cidrSize', 'cidrsOverlap', 'Report', 'Finding', 'parseIpvsadm', 'definePlugin', 'parseRuleFile']) {
  check(typeof esm[name] !== 'undefined' && typeof cjs[name] !== 'undefined', `kube-netdoctor exports ${name} (import and require)`);
}
for (const [entry, name] of [['node', 'loadSnapshot'], ['node', 'loadRuleFiles'], ['node', 'validateRuleFiles'], ['testing', 'RuleTester'], ['cidr', 'uncoveredCidrs']]) {
  check(typeof (await import(`kube-netdoctor/${entry}`))[name] === 'function', `import kube-netdoctor/${entry} → ${name}`);
  check(typeof require(`kube-netdoctor/${entry}`)[name] === 'function', `require kube-netdoctor/${entry} → ${name}`);
}
check(existsSync(require.resolve('kube-netdoctor/schemas/report.json')), 'kube-netdoctor/schemas/report.json ships');

// One copy of the library: an error thrown by /node is an instance of the class from the root.
const thrownBy = async (load) => load('does/not/exist').then(() => undefined, (error) => error);
check((await thrownBy((await import('kube-netdoctor/node')).loadSnapshot)) instanceof esm.SnapshotError, 'import: SnapshotError from kube-netdoctor/node is instanceof kube-netdoctor SnapshotError');
check((await thrownBy(require('kube-netdoctor/node').loadSnapshot)) instanceof cjs.SnapshotError, 'require: SnapshotError from kube-netdoctor/node is instanceof kube-netdoctor SnapshotError');
check(esm.uncoveredCidrs === (await import('kube-netdoctor/cidr')).uncoveredCidrs, 'kube-netdoctor and kube-netdoctor/cidr share one uncoveredCidrs');

// loadSnapshot's worker threads start from the built files (dist/object-worker.js / .cjs) under import and require.
{
  const dir = mkdtempSync(join(tmpdir(), 'netdoctor-workers-'));
  const pod = (k) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${k}`, namespace: 'default' }, spec: { nodeName: 'n1' } });
  writeFileSync(join(dir, 'pods.json'), JSON.stringify({ apiVersion: 'v1', items: Array.from({ length: 2000 }, (_, k) => pod(k)), kind: 'List' }, null, 4));
  const options = { workers: 2, parallelMinBytes: 1, poolMinBytes: 1, parallelRangeBytes: 16 * 1024 };
  const { Worker } = await import('node:worker_threads');
  let online = 0;
  const original = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (...args) {
    online++;
    return original.apply(this, args);
  };
  for (const [how, node] of [['import', await import('kube-netdoctor/node')], ['require', require('kube-netdoctor/node')]]) {
    online = 0;
    const loaded = await node.loadSnapshot(dir, options);
    const inThread = await node.loadSnapshot(dir, { workers: 0 });
    check(online > 10 && loaded.snapshot.pods.length === 2000 && JSON.stringify(loaded) === JSON.stringify(inThread), `${how}: loadSnapshot reads in worker threads (${online} tasks), the same snapshot as in-thread`);
  }
  Worker.prototype.postMessage = original;
  // streamInWorker: the largest object file read in one worker thread, which answers "done, ok".
  const emit = Worker.prototype.emit;
  let done = 0;
  Worker.prototype.emit = function (event, message, ...rest) {
    if (event === 'message' && message?.kind === 'done' && message.ok) done++;
    return emit.call(this, event, message, ...rest);
  };
  for (const [how, node] of [['import', await import('kube-netdoctor/node')], ['require', require('kube-netdoctor/node')]]) {
    done = 0;
    const loaded = await node.loadSnapshot(dir, { streamInWorker: true, cutThresholdBytes: 0 });
    const inThread = await node.loadSnapshot(dir);
    check(done === 1 && loaded.snapshot.pods.length === 2000 && JSON.stringify(loaded) === JSON.stringify(inThread), `${how}: loadSnapshot({ streamInWorker }) reads pods.json in a worker thread, the same snapshot as in-thread`);
  }
  Worker.prototype.emit = emit;
  rmSync(dir, { recursive: true, force: true });
}

try {
  await build({ entryPoints: ['dist/index.js'], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
  check(true, 'the core entry bundles for a browser (no node: imports)');
} catch (error) {
  check(false, `the core entry bundles for a browser: ${error.message}`);
}
const cidr = await build({
  stdin: { contents: "export * from 'kube-netdoctor/cidr';", resolveDir: process.cwd() },
  bundle: true,
  minify: true,
  platform: 'browser',
  format: 'esm',
  write: false,
  metafile: true,
  logLevel: 'silent',
});
const cidrBytes = cidr.outputFiles[0].contents.length;
const cidrInputs = Object.keys(cidr.metafile.inputs).filter((p) => p.includes('node_modules'));
check(cidrBytes < 60_000, `kube-netdoctor/cidr bundles for a browser in ${(cidrBytes / 1000).toFixed(1)} KB minified (< 60 KB)`);
check(cidrInputs.every((p) => p.includes('ipaddr.js')), `kube-netdoctor/cidr pulls in no dependency but ipaddr.js (${cidrInputs.join(', ')})`);

// The tarball as published.
const dir = mkdtempSync(join(tmpdir(), 'netdoctor-pack-'));
try {
  const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir]);
  const [info] = JSON.parse(packed.out);
  const files = info.files.map((f) => f.path);
  const tarball = join(dir, info.filename);
  check(files.includes('LICENSE') && readFileSync('LICENSE', 'utf8').includes('Apache License') && readFileSync('LICENSE', 'utf8').includes('END OF TERMS AND CONDITIONS'), 'the tarball has LICENSE (Apache-2.0 full text)');
  check(!files.some((f) => f.endsWith('.map')), 'the tarball has no source maps');
  check(!files.some((f) => f.startsWith('src/')), 'the tarball has no sources');
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  check(Boolean(pkg.repository?.url && pkg.homepage && pkg.bugs?.url), 'package.json has repository, homepage and bugs');
  const js = files.filter((f) => /\.c?js$/.test(f));
  const jsBytes = info.files.filter((f) => /\.c?js$/.test(f.path)).reduce((sum, f) => sum + f.size, 0);
  console.log(`     ${js.length} JS files, ${(jsBytes / 1e6).toFixed(2)} MB; tarball ${(info.size / 1e6).toFixed(2)} MB`);
  const attw = run(join('node_modules', '.bin', 'attw'), [tarball, '--format', 'ascii']);
  check(attw.ok, 'attw: types resolve under node10, node16 (CJS and ESM) and bundler');
  if (!attw.ok) console.log(attw.out);
  const publint = run(join('node_modules', '.bin', 'publint'), ['run', tarball, '--strict']);
  check(publint.ok && /All good/.test(publint.out), 'publint --strict: all good');
  if (!publint.ok || !/All good/.test(publint.out)) console.log(publint.out);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

let out = '';
try {
  out = execFileSync(process.execPath, ['dist/cli.js', 'analyze', 'snapshots/scenarios/ack-flannel-after-manual-upgrade', '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8' });
} catch (error) {
  out = String(error.stdout ?? '');
}
const report = out ? JSON.parse(out) : { findings: [] };
check(report.findings.length > 0, `dist/cli.js analyze prints findings (${report.findings.length})`);

if (failures.length > 0) {
  console.error(`${failures.length} package check(s) failed`);
  process.exit(1);
}
