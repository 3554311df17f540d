import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/reporters/html.js';
import { hostile, scenarioNames, scenarioReport, withHostileFinding } from './scenario-reports.js';

describe('formatHtml (structure)', () => {
  for (const name of scenarioNames) {
    it(`${name}: one self-contained page with every finding, figure and gap`, async () => {
      const report = await scenarioReport(name);
      const html = formatHtml(report);
      expect(html.startsWith('<!doctype html>')).toBe(true);
      // Self-contained: nothing to fetch; a Content-Security-Policy forbids fetching anyway.
      expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|\bsrc=|@import|url\((?!#fig-hatch\))/);
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"`);
      expect(html.match(/<article class="finding"/g) ?? []).toHaveLength(report.findings.length);
      expect(html.match(/<figure class="figure"/g) ?? []).toHaveLength(report.findings.filter((f) => f.figure).length);
      for (const n of report.notEvaluated) for (const m of n.missing) expect(html).toContain(m.capture.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;'));
      expect(html.match(/<script>/g)).toHaveLength(1);
    });
  }

  it('a finding names the findings it folded in (one problem, one finding)', async () => {
    const html = formatHtml(await scenarioReport('tke-service-unreachable'));
    expect(html).toContain('<dt>Related</dt><dd><ul><li>also reported by: x-svc-no-endpoints on Service shop/web (not listed again)</li></ul></dd>');
  });

  it('hostile snapshot text is text: no element, no attribute break-out', async () => {
    const html = formatHtml(withHostileFinding(await scenarioReport('bad-input')));
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain(hostile.slice(0, 20));
    expect(html).not.toMatch(/[\u0000\u0007\u001b]/);
  });
});
