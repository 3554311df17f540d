import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { maskSecrets } from '../../src/snapshot/mask-secrets.js';
import { canaries, canaryFiles as files } from './canary-files.js';

/**
 * The canaries of canary-files.ts; none may appear in the snapshot, the report, or any output
 * format. The formatters are every `format*` function the package exports, so a reporter added
 * later is checked without touching this test.
 */
describe('secrets never leave', () => {
  it('no canary reaches the snapshot, the report, or any exported output format', async () => {
    const built = api.buildSnapshot(files());
    const report = await api.analyze(built.snapshot, { diagnostics: built.diagnostics });
    expect(report.findings.length).toBeGreaterThan(0);
    const formatters = Object.entries(api).filter(([name, value]) => /^format[A-Z]/.test(name) && typeof value === 'function') as Array<[string, (r: api.Report) => string]>;
    expect(formatters.map(([name]) => name)).toEqual(expect.arrayContaining(['formatText', 'formatJson']));
    const outputs: Array<[string, string]> = [
      ['snapshot', JSON.stringify(built.snapshot)],
      ['report', JSON.stringify(report)],
      ...formatters.map(([name, format]) => [name, format(report)] as [string, string]),
    ];
    for (const [where, output] of outputs) {
      for (const [place, canary] of Object.entries(canaries)) expect(output.includes(canary), `${place} canary in ${where}`).toBe(false);
    }
    // The values are masked, not the data around them: the eni_conf still parses and names its keys.
    const eni = built.snapshot.configMaps.find((c) => c.name === 'eni-config')!;
    expect(JSON.parse(eni.data.eni_conf!)).toMatchObject({ access_key: '<redacted>', access_secret: '<redacted>', max_pool_size: 5 });
  });

  it.each([
    ['"access_key": "LTAI5tAbc"', '"access_key": "<redacted>"'],
    ["accessKeySecret: 'x1y2'", "accessKeySecret: '<redacted>'"],
    ['--token=abc.def --v=2', '--token=<redacted> --v=2'],
    ['--client-secret s3cr3t --port 80', '--client-secret <redacted> --port 80'],
    ['postgres://app:hunter2@db:5432/x', 'postgres://app:<redacted>@db:5432/x'],
    ['Authorization: Bearer eyJhbGciOi.x', 'Authorization: Bearer <redacted>'],
    ['password=', 'password='],
    ['max_pool_size: 5', 'max_pool_size: 5'],
    ['token_ttl: 3600', 'token_ttl: 3600'],
  ])('maskSecrets(%s)', (input, expected) => {
    expect(maskSecrets(input)).toBe(expected);
  });
});
