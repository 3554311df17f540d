import { isValidCidr, normalizeCidr, uncoveredCidrs } from '../../cidr/index.js';

export interface RequiredRange {
  /** What the range is, e.g. "cluster (pod) CIDR", "IDC". */
  name: string;
  cidr: string;
}

export interface UncoveredRange extends RequiredRange {
  missing: string[];
}

export interface Coverage {
  required: RequiredRange[];
  cover: string[];
  invalid: string[];
  uncovered: UncoveredRange[];
  /** One line per uncovered range: `Service CIDR 10.96.0.0/12 (missing 10.96.0.0/12)`. */
  summary: string;
}

/** Which parts of each required range no entry of `cover` includes; invalid entries are listed, not thrown. */
export function cidrCoverage(cover: readonly string[], required: readonly RequiredRange[]): Coverage {
  const valid = cover.filter((c) => isValidCidr(c)).map(normalizeCidr);
  const invalid = cover.filter((c) => !isValidCidr(c));
  const uncovered = required
    .map((r) => ({ ...r, missing: uncoveredCidrs(r.cidr, valid) }))
    .filter((r) => r.missing.length > 0);
  const summary = uncovered.map((r) => `${r.name} ${r.cidr} (missing ${r.missing.join(', ')})`).join('; ');
  return { required: [...required], cover: valid, invalid, uncovered, summary };
}
