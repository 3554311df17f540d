import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { codeBlock, escapeMarkdown } from '../../src/reporters/markdown-escape.js';
import { formatMarkdown } from '../../src/reporters/markdown.js';
import { hostile, scenarioNames, scenarioReport, withHostileFinding } from './scenario-reports.js';

// GitHub renders comments as GFM with raw HTML allowed (then sanitised): render the same way.
const render = (markdown: string) => micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
const decode = (html: string) =>
  html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('escapeMarkdown', () => {
  it('renders back to the same text, as text', () => {
    for (const text of ['*bold* _u_ `code` [link](x) | pipe', '<b>html</b> & "q"', '- item', '1. item', '# heading', 'a\\b', '10.244.0.0/16']) {
      const html = render(escapeMarkdown(text));
      expect(html).toMatch(/^<p>/);
      expect(html).not.toMatch(/<(b|strong|em|code|a|li|h1)\b/);
      expect(decode(html).trim()).toBe(text);
    }
  });

  it('keeps @ and # from pinging people or linking issues, line breaks inside one paragraph', () => {
    expect(escapeMarkdown('@octocat #12')).toBe('@<!-- -->octocat #<!-- -->12');
    expect(render(escapeMarkdown('a\nb'))).toBe('<p>a<br>b</p>');
  });

  it('a code block cannot be closed by the text inside it', () => {
    const block = codeBlock('x\n```\n<script>\n````y');
    expect(block.startsWith('`````text\n')).toBe(true);
    expect(render(block)).toBe('<pre><code class="language-text">x\n```\n&lt;script&gt;\n````y\n</code></pre>');
  });
});

describe('formatMarkdown', () => {
  for (const name of scenarioNames) {
    it(`${name}: summary table, a collapsible block per finding, the gaps`, async () => {
      const report = await scenarioReport(name);
      const markdown = formatMarkdown(report);
      const html = render(markdown);
      const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
      const rows = [...table.matchAll(/<tr>\s*<td>[^ ]+ (\w+)<\/td>\s*<td align="right">(\d+)<\/td>/g)].map((m) => [m[1], Number(m[2])]);
      expect(rows).toEqual([
        ['critical', report.summary.findings.critical],
        ['error', report.summary.findings.error],
        ['warning', report.summary.findings.warning],
        ['info', report.summary.findings.info],
      ]);
      const details = (html.match(/<details>/g) ?? []).length;
      expect(details).toBe(report.findings.length + (report.notEvaluated.length > 0 ? 1 : 0));
      expect((html.match(/<\/details>/g) ?? []).length).toBe(details);
      for (const f of report.findings) expect(decode(html)).toContain(f.message);
      for (const n of report.notEvaluated) for (const m of n.missing) expect(decode(html.replace(/<[^>]+>/g, ''))).toContain(m.capture);
    });
  }

  it('a finding shows subject, rule link, evidence with file and line, source section and fix', async () => {
    const markdown = formatMarkdown(await scenarioReport('bad-input'));
    expect(markdown).toContain('#### 🔴 Windows CNI ExceptionList does not cover the cluster, Service and management subnets');
    expect(markdown).toContain('**Node win\\-worker\\-1** · [`win-exceptionlist-coverage`](https://github.com/kube-netdoctor/kube-netdoctor/blob/main/docs/rules/win-exceptionlist-coverage.md)'.replace(/\\-/g, '-'));
    expect(markdown).toContain('- `windowsExceptionList.outboundNat` from nodes/win\\_worker'.replace('\\_', '-'));
    expect(markdown).toContain('**Source:** Kubernetes on Windows «我的 Windows Pod 無法 Ping 外部資源»');
    expect(markdown).toContain('**Fix** (from the document)\n\n```text\nEdit the node\'s cni.conf');
    expect(markdown).toContain('### Input problems (3)');
  });

  it('a finding names the findings it folded in (one problem, one finding)', async () => {
    const markdown = formatMarkdown(await scenarioReport('tke-service-unreachable'));
    expect(markdown).toContain('**Related**\n\n- also reported by: x-svc-no-endpoints on Service shop/web \\(not listed again\\)');
    expect(decode(render(markdown))).toContain('also reported by: x-kube-proxy-rules-missing on Node 10.0.0.13 (not listed again)');
  });

  it('hostile text renders as text: no element, no mention, no broken table', async () => {
    const report = withHostileFinding(await scenarioReport('bad-input'));
    const html = render(formatMarkdown(report));
    expect(html).not.toMatch(/<script|<!-- -->\s*<script/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html.match(/<table>/g)).toHaveLength(2);
    expect(decode(html)).toContain(hostile.replace('\u0000', '\\u0000').replace('\u0007', '\\u0007').replace('\u001b', '\\u001b').replace('\ud800', '\ufffd').split('{{x}}')[0]!.trim());
  });
});
