/**
 * Port sets as security-group rules write them: every port, or a list of
 * inclusive `[from, to]` ranges. Tencent Cloud prints `ALL`, `80`, `80,443`
 * or `30000-32768` in a rule's `Port`.
 */
export type PortRange = [number, number];
export type PortRanges = 'all' | PortRange[];

const MAX_PORT = 65535;

function port(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const value = Number(text);
  return value <= MAX_PORT ? value : undefined;
}

/** `ALL` / `all` / `80` / `80,443` / `30000-32768` / `80,8000-8080`; undefined when any part is not a port. */
export function parsePortRanges(text: string): PortRanges | undefined {
  const trimmed = text.trim();
  if (/^all$/i.test(trimmed)) return 'all';
  if (trimmed === '') return undefined;
  const ranges: PortRange[] = [];
  for (const part of trimmed.split(',')) {
    const [first = '', second, ...extra] = part.trim().split('-');
    const from = port(first.trim());
    const to = second === undefined ? from : port(second.trim());
    if (from === undefined || to === undefined || extra.length > 0 || from > to) return undefined;
    ranges.push([from, to]);
  }
  return ranges;
}

/** Sorted, with overlapping and adjacent ranges joined: `[[80,90],[85,100],[101,101]]` → `[[80,101]]`. */
export function mergePortRanges(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: PortRange[] = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The parts of `from`–`to` that `ranges` leave out, merged; empty when every port is covered. */
export function uncoveredPortRanges(ranges: PortRanges, from: number, to: number): PortRange[] {
  if (ranges === 'all') return [];
  const missing: PortRange[] = [];
  let next = from;
  for (const [start, end] of mergePortRanges(ranges)) {
    if (end < next) continue;
    if (start > to) break;
    if (start > next) missing.push([next, start - 1]);
    next = Math.max(next, end + 1);
    if (next > to) return missing;
  }
  if (next <= to) missing.push([next, to]);
  return missing;
}

/** Whether every port of `from`–`to` is in `ranges` (the union of the ranges, not one range alone). */
export function portRangesCover(ranges: PortRanges, from: number, to: number = from): boolean {
  return uncoveredPortRanges(ranges, from, to).length === 0;
}

/** The union of several rules' ports. */
export function unionPortRanges(sets: readonly PortRanges[]): PortRanges {
  if (sets.some((set) => set === 'all')) return 'all';
  return mergePortRanges(sets.flatMap((set) => (set === 'all' ? [] : set)));
}
