import { familyIfValid } from '../../cidr/index.js';

/** 4 or 6 for an address or CIDR, undefined for anything else (`None`, typos). */
export function familyOf(text: string): 4 | 6 | undefined {
  return familyIfValid(text);
}

/** Whether a list of addresses/CIDRs holds both IPv4 and IPv6. */
export function bothFamilies(list: readonly string[]): boolean {
  const families = new Set(list.map(familyOf));
  return families.has(4) && families.has(6);
}
