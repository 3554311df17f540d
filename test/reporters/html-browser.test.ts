import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/reporters/html.js';
import { scenarioNames, scenarioReport } from './scenario-reports.js';

// Debian's chromium (`apt-get install chromium`; .ci/run installs it). Under CI the test must run.
const executablePath = '/usr/bin/chromium';
const available = existsSync(executablePath);
const artifacts = new URL('../../test-artifacts/', import.meta.url).pathname;
if (!available && !process.env.CI) {
  process.stderr.write(`html-browser.test.ts: skipped, ${executablePath} is absent (apt-get install -y chromium); under CI=true it fails instead\n`);
}

describe.skipIf(!available && !process.env.CI)('HTML report in headless Chromium', () => {
  let context: BrowserContext;
  let profile: string;
  const requests: string[] = [];

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'kube-netdoctor-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1100, height: 1300 },
    });
    context.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Opens a scenario's report from file://, collecting console errors and page errors. */
  async function open(name: string): Promise<{ page: Page; errors: string[] }> {
    const file = join(artifacts, `${name}.html`);
    writeFileSync(file, formatHtml(await scenarioReport(name)));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`file://${file}`);
    await page.waitForLoadState('load');
    return { page, errors };
  }

  /** Findings as the page lists them: grouped by severity, most severe first. */
  const inPageOrder = (findings: ReadonlyArray<{ severity: string; ruleId: string }>) =>
    ['critical', 'error', 'warning', 'info'].flatMap((s) => findings.filter((f) => f.severity === s).map((f) => `${f.severity} ${f.ruleId}`));

  const visible = (page: Page) =>
    page.$$eval('.finding', (list) => list.filter((f) => (f as HTMLElement).offsetParent !== null).map((f) => `${(f as HTMLElement).dataset.severity} ${(f as HTMLElement).dataset.rule}`));

  it('every scenario loads from file:// with no console error and no request off the file', async () => {
    for (const name of scenarioNames) {
      const { page, errors } = await open(name);
      const report = await scenarioReport(name);
      expect(errors, name).toEqual([]);
      expect(await page.textContent('#shown'), name).toBe(`${report.findings.length} of ${report.findings.length} findings shown`);
      await page.close();
    }
    expect(requests).toEqual([]);
  }, 180_000);

  it('filters: a severity button shows only that severity; rule, node and document selects narrow it', async () => {
    const name = 'ack-flannel-dedicated-misplanned';
    const report = await scenarioReport(name);
    const { page, errors } = await open(name);
    const all = inPageOrder(report.findings);
    expect(await visible(page)).toEqual(all);

    await page.click('button[data-filter-severity="warning"]');
    const warnings = all.filter((x) => x.startsWith('warning '));
    expect(warnings.length).toBeGreaterThan(0);
    expect(await visible(page)).toEqual(warnings);
    expect(await page.textContent('#shown')).toBe(`${warnings.length} of ${all.length} findings shown`);
    // The severity group with nothing visible is hidden too.
    expect(await page.isVisible('section[data-group="error"]')).toBe(false);

    await page.click('button[data-filter-severity=""]');
    await page.selectOption('#filter-rule', 'x-cidr-overlap');
    expect(await visible(page)).toEqual(['error x-cidr-overlap']);

    await page.selectOption('#filter-rule', '');
    // This scenario's one node finding (its NetworkUnavailable node) is now ack-multiple-route-tables' finding: the node
    // select is tried on a scenario with findings on several nodes and on the cluster.
    {
      const other = 'win-flannel-rejoined-node';
      const otherReport = await scenarioReport(other);
      const opened = await open(other);
      const node = otherReport.findings.find((f) => f.subject.node)!.subject.node!;
      await opened.page.selectOption('#filter-node', node);
      const onNode = inPageOrder(otherReport.findings.filter((f) => f.subject.node === node));
      expect(onNode.length).toBeLessThan(otherReport.findings.length);
      expect(await visible(opened.page)).toEqual(onNode);
      expect(opened.errors).toEqual([]);
      await opened.page.close();
    }

    await page.selectOption('#filter-doc', 'win');
    const fromWindows = inPageOrder(report.findings.filter((f) => f.source.some((s) => 'doc' in s && s.doc === 'win')));
    expect(fromWindows.length).toBeGreaterThan(0);
    expect(fromWindows.length).toBeLessThan(all.length);
    expect(await visible(page)).toEqual(fromWindows);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('a CIDR finding has a picture: the ranges, and the shared part drawn where it lies with its CIDR', async () => {
    const { page } = await open('ack-flannel-dedicated-misplanned');
    const finding = page.locator('.finding[data-rule="x-cidr-overlap"]');
    const shared = finding.locator('svg g[data-role="overlap"] rect.fig-part[data-cidr="192.168.240.0/20"]');
    const node = finding.locator('svg g[data-role="range"] rect.fig-part[data-cidr="192.168.0.0/16"]');
    expect(await shared.count()).toBe(1);
    const [a, b] = [await shared.boundingBox(), await node.boundingBox()];
    // 192.168.240.0/20 is the last sixteenth of 192.168.0.0/16: drawn at its right end, 1/16 as wide.
    expect(a!.width / b!.width).toBeCloseTo(1 / 16, 2);
    expect(a!.x + a!.width).toBeCloseTo(b!.x + b!.width, 0);
    expect(await finding.locator('svg text.fig-cidrs').first().textContent()).toBe('192.168.240.0/20');

    await page.selectOption('#filter-rule', 'x-cidr-overlap');
    await page.screenshot({ path: join(artifacts, 'html-report.png') });
    await page.close();
  }, 120_000);

  it('exhaustion findings show used against usable addresses', async () => {
    const { page } = await open('ack-terway-out-of-ips');
    const bar = page.locator('.finding[data-rule="ack-terway-vswitch-exhausted"] svg g.fig-usage').first();
    expect(await bar.getAttribute('data-used')).toBe('256');
    expect(await bar.getAttribute('data-total')).toBe('256');
    expect(await bar.locator('text.fig-cidrs').textContent()).toBe('256 addresses not available of 256 addresses in 192.168.32.0/24');
    await page.screenshot({ path: join(artifacts, 'html-report-usage.png'), fullPage: true });
    await page.close();
  }, 120_000);
});
