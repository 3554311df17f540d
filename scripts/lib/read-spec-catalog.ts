import { readFileSync } from 'node:fs';
import type { SpecItem } from '../../src/catalog/spec-item.js';

export type { SpecItem };


const docKeys = ['iks', 'win', 'rancher', 'tke', 'ack'] as const;

/** Reads the spec catalog (docs/sources/catalog.md): one item per table row with a spec id. */
export function readSpecCatalog(path: string): SpecItem[] {
  const items: SpecItem[] = [];
  let doc: SpecItem['doc'] | undefined;
  let previousSection = '';
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const heading = /^## (\w+) —/.exec(line);
    if (heading) doc = docKeys.find((k) => k === heading[1]);
    if (/^## Cross-cutting/.test(line)) doc = 'x';
    if (!line.startsWith('| ') || !doc) continue;
    const cells = line.slice(1, -1).split(' | ').map((c) => c.trim());
    const id = cells[0] ?? '';
    if (!/^[a-z]+-[a-z0-9-]+$/.test(id)) continue;
    if (doc === 'x') {
      items.push({ id, doc, kind: 'D', section: '', signal: cells[1] ?? '', data: '', cites: (cells[2] ?? '').split(',').map((s) => s.trim()) });
      continue;
    }
    const [, kind, sectionCell = '', signal = '', data = ''] = cells;
    const section = sectionCell.startsWith('same') ? `${previousSection}${sectionCell.slice(4)}` : sectionCell;
    previousSection = sectionCell.startsWith('same') ? previousSection : sectionCell;
    items.push({ id, doc, kind: kind === 'G' ? 'G' : 'D', section, signal, data, cites: [doc] });
  }
  return items;
}
