import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogError } from '../../src/errors.js';
import { loadRuleFiles, validateRuleFiles } from '../../src/node/load-rule-files.js';

const rule = readFileSync(new URL('../fixtures/acme/my-rules/acme-svc-single-endpoint.yaml', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'netdoctor-load-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadRuleFiles', () => {
  it('loads flat and nested directories and single files, keeping the real paths', async () => {
    mkdirSync(join(dir, 'ok/team/ha'), { recursive: true });
    writeFileSync(join(dir, 'ok/acme-svc-single-endpoint.yaml'), rule);
    writeFileSync(join(dir, 'ok/team/ha/acme-svc-single-endpoint-2.yml'), rule.replace('id: acme-svc-single-endpoint', 'id: acme-svc-single-endpoint-2'));
    writeFileSync(join(dir, 'ok/team/notes.md'), '# not a rule');
    const rules = await loadRuleFiles(join(dir, 'ok'));
    expect(rules.map((r) => [r.id, r.file])).toEqual([
      ['acme-svc-single-endpoint', join(dir, 'ok/acme-svc-single-endpoint.yaml')],
      ['acme-svc-single-endpoint-2', join(dir, 'ok/team/ha/acme-svc-single-endpoint-2.yml')],
    ]);
    expect((await loadRuleFiles([join(dir, 'ok/acme-svc-single-endpoint.yaml')])).map((r) => r.id)).toEqual(['acme-svc-single-endpoint']);
  });

  it('throws CatalogError with the real file and line; validateRuleFiles lists every problem instead', async () => {
    mkdirSync(join(dir, 'bad/nested'), { recursive: true });
    writeFileSync(join(dir, 'bad/nested/acme-svc-single-endpoint.yaml'), rule.replace('needs: [services, endpoints]', 'needs: [servicez]'));
    const error = await loadRuleFiles(join(dir, 'bad')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogError);
    expect(error).toMatchObject({ code: 'rule-invalid', file: join(dir, 'bad/nested/acme-svc-single-endpoint.yaml'), line: 6 });
    const checked = await validateRuleFiles([join(dir, 'bad'), join(dir, 'ok')]);
    expect(checked.files).toBe(3);
    expect(checked.rules.map((r) => r.id)).toEqual(['acme-svc-single-endpoint', 'acme-svc-single-endpoint-2']);
    expect(checked.problems).toEqual([
      { code: 'rule-invalid', file: join(dir, 'bad/nested/acme-svc-single-endpoint.yaml'), line: 6, path: 'needs.0', message: 'unknown requirement "servicez"' },
    ]);
  });

  it('reports an unreadable path as CatalogError', async () => {
    await expect(loadRuleFiles(join(dir, 'missing'))).rejects.toThrow(`cannot read rules from ${join(dir, 'missing')}: ENOENT`);
  });
});
