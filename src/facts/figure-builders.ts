import { cidrPosition, cidrsOverlap, commonSupernet } from '../cidr/index.js';
import { type AddressSpaceFigure, type FigurePanel, maxPanels } from './figure.js';

export interface CoverageGap {
  /** What the range is: "Service subnet", "IDC". */
  name: string;
  cidr: string;
  missing: string[];
}

/**
 * Required ranges against what covers them: one panel per range, drawn to its own scale, with
 * the cover entries that reach into it and the missing part. Ranges with a gap come first.
 */
export function coverageFigure(
  caption: string,
  cover: { label: string; cidrs: readonly string[] },
  required: ReadonlyArray<{ name: string; cidr: string }>,
  gaps: readonly CoverageGap[],
  words: { missing: string; complete: string } = { missing: 'not covered', complete: 'covered' },
): AddressSpaceFigure {
  const gapOf = new Map(gaps.map((g) => [`${g.name}|${g.cidr}`, g.missing]));
  const ordered = [...required].sort((a, b) => Number(gapOf.has(`${b.name}|${b.cidr}`)) - Number(gapOf.has(`${a.name}|${a.cidr}`)));
  const panels = ordered.slice(0, maxPanels).map((r): FigurePanel => {
    const missing = gapOf.get(`${r.name}|${r.cidr}`) ?? [];
    const reaching = cover.cidrs.filter((c) => cidrPosition(r.cidr, c) !== undefined);
    return {
      title: `${r.name} ${r.cidr}: ${missing.length > 0 ? `${words.missing} ${missing.length > 3 ? `${missing.slice(0, 3).join(', ')} …` : missing.join(', ')}` : words.complete}`,
      span: r.cidr,
      rows: [
        { label: 'required', role: 'required', cidrs: [r.cidr] },
        { label: cover.label, role: 'cover', cidrs: reaching },
        ...(missing.length > 0 ? [{ label: words.missing, role: 'missing' as const, cidrs: missing }] : []),
      ],
    };
  });
  return { type: 'address-space', caption, panels, omitted: Math.max(ordered.length - maxPanels, 0) };
}

export interface OverlapPair {
  a: { name: string; cidr: string };
  b: { name: string; cidr: string };
  shared: string[];
}

/**
 * Each overlapping pair to the scale of the smallest block holding both, the shared part marked;
 * `total` counts the pairs found when `pairs` holds only the first few.
 */
export function overlapFigure(caption: string, pairs: readonly OverlapPair[], total = pairs.length): AddressSpaceFigure {
  const panels = pairs.slice(0, maxPanels).flatMap((p): FigurePanel[] => {
    const span = commonSupernet([p.a.cidr, p.b.cidr]);
    if (!span || !cidrsOverlap(p.a.cidr, p.b.cidr)) return [];
    return [{
      title: `${p.a.name} / ${p.b.name}`,
      span,
      rows: [
        { label: p.a.name, role: 'range', cidrs: [p.a.cidr] },
        { label: p.b.name, role: 'range', cidrs: [p.b.cidr] },
        { label: 'shared', role: 'overlap', cidrs: p.shared },
      ],
    }];
  });
  return { type: 'address-space', caption, panels, omitted: Math.max(total - panels.length, 0) };
}
