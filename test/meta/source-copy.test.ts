import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sharedRoot } from '../../scripts/lib/generated-sources.js';
import {
  catalogCopy,
  catalogSections,
  expectedSourceCopy,
  headingLines,
  sharedPresent,
  sourceDocuments,
  sourceHeadings,
} from '../../scripts/lib/source-copy.js';

const catalog = readFileSync(join(repoRoot, catalogCopy), 'utf8');

describe('docs/sources/: the in-repository copy of the spec catalog and the source documents\' headings', () => {
  it('has the headings of each of the five source documents the catalog lists', () => {
    expect(sourceDocuments(catalog).map((d) => d.key)).toEqual(['iks', 'win', 'rancher', 'tke', 'ack']);
    for (const { key } of sourceDocuments(catalog)) expect(sourceHeadings(key).size, key).toBeGreaterThan(5);
  });

  it('holds every section the spec catalog names, so rules citing them find them', () => {
    // The catalog writes one Windows section with "straight" quotes where the document has “curly” ones;
    // a rule cites the document's form, which is what the copy keeps.
    const straight = (s: string) => s.replace(/[“”]/g, '"');
    for (const { key } of sourceDocuments(catalog)) {
      const headings = new Set([...sourceHeadings(key)].map(straight));
      for (const section of catalogSections(catalog, key)) expect(headings.has(straight(section)), `${key}: «${section}»`).toBe(true);
    }
  });

  // Only this project's CI has ../shared/ beside the clone; elsewhere the copy is all there is.
  const present = sharedPresent();
  const name = present ? 'equals what `npm run sync-sources` makes of ../shared/' : 'is compared with ../shared/ only where that is beside the clone (skipped: it is not)';
  it.skipIf(!present)(name, () => {
    const stale = [...expectedSourceCopy(sharedRoot)].filter(([path, content]) => {
      try {
        return readFileSync(join(repoRoot, path), 'utf8') !== content;
      } catch {
        return true;
      }
    });
    expect(stale.map(([path]) => path), 'stale: run `npm run sync-sources`, then `npm run docs`').toEqual([]);
  });
});

describe('headingLines', () => {
  it('keeps Markdown headings, named sections and heading-like lines, not body text', () => {
    const document = [
      '---',
      'title: 网络',
      '---',
      '# 集群联网故障诊断',
      '{: #cs_troubleshoot_network}',
      '## 无法通过网络负载均衡器 (NLB) 服务连接到应用程序',
      '要对 NLB 服务进行故障诊断，请执行以下操作：',
      '-   集群尚未完全部署。',
      '1.  检查是否设置了完全部署的标准集群。',
      '如何修改kube-proxy配置?',
      '网络插件类型仅支持在集群创建阶段选择,集群创建后不支持修改。如需切换,请重新创建集群',
      '问题现象',
      'Stop-Service HNS',
      'tcpdump -nn -vv -i eth0 host <对端pod-ip>',
      '执行 kubectl get pods -n kube-system',
      '<td>创建时提供的证书 CRN 不正确。</td>',
      '我看到「hnsCall 在 Win32 中失敗:磁碟驅動器中有錯誤的磁碟驅動器」之類的錯誤。',
      '如何修改kube-proxy配置?',
      '',
    ].join('\n');
    const named = new Set(['我看到「hnsCall 在 Win32 中失敗:磁碟驅動器中有錯誤的磁碟驅動器」之類的錯誤。']);
    expect(headingLines(document, named)).toEqual([
      '集群联网故障诊断',
      '无法通过网络负载均衡器 (NLB) 服务连接到应用程序',
      '如何修改kube-proxy配置?',
      '问题现象',
      '我看到「hnsCall 在 Win32 中失敗:磁碟驅動器中有錯誤的磁碟驅動器」之類的錯誤。',
    ]);
  });

  it('reads the sections the catalog names, one per part of an `A / B` cell, skipping `same` rows', () => {
    const table = [
      '## tke — Tencent',
      '| spec id | kind | section | signal | data |',
      '|---|---|---|---|---|',
      '| tke-a | D | 开启内网访问后无法访问 / Service 提供公网或者内网服务无法访问 | x | y |',
      '| tke-b | D | same (检查) | x | y |',
      '## ack — Alibaba',
      '| ack-a | G | 如何规划集群网络? | x | y |',
    ].join('\n');
    expect([...catalogSections(table, 'tke')]).toEqual(['开启内网访问后无法访问', 'Service 提供公网或者内网服务无法访问']);
  });
});
