// Checks the built package as a user gets it: every entry resolves through the
// `exports` map for both import and require, the core bundles for a browser
// (no node: builtins), the CLI runs, and the JSON Schemas ship.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
};

const esm = await import('kube-netdoctor');
const cjs = require('kube-netdoctor');
for (const name of ['analyze', 'buildSnapshot', 'cidrContains', 'mergeCidrs', 'subtractCidrs', 'rangeToCidrs', 'usableAddresses', 'cidrSize', 'cidrsOverlap', 'Report', 'Finding', 'parseIpvsadm']) {
  check(typeof esm[name] !== 'undefined' && typeof cjs[name] !== 'undefined', `kube-netdoctor exports ${name} (import and require)`);
}
check(typeof (await import('kube-netdoctor/node')).loadSnapshot === 'function', 'import kube-netdoctor/node');
check(typeof require('kube-netdoctor/node').loadSnapshot === 'function', 'require kube-netdoctor/node');
check(typeof (await import('kube-netdoctor/testing')).RuleTester === 'function', 'import kube-netdoctor/testing');
check(typeof require('kube-netdoctor/testing').RuleTester === 'function', 'require kube-netdoctor/testing');
check(existsSync(require.resolve('kube-netdoctor/schemas/report.json')), 'kube-netdoctor/schemas/report.json ships');

try {
  await build({ entryPoints: ['dist/index.js'], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
  check(true, 'the core entry bundles for a browser (no node: imports)');
} catch (error) {
  check(false, `the core entry bundles for a browser: ${error.message}`);
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
