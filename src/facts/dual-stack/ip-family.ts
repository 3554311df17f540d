import { familyIfValid } from '../../cidr/index.js';

/** 4 or 6 for an address or CIDR, undefined for anything else (`None`, typos). */
export function familyOf(text: string): 4 | 6 | undefined {
  return familyIfValid(text);
}

/** Whether a list of addresses/CIDRs holds both IPv4 and IPv6. */
export function bothFamilies(list: readonly string[]): boolean {
  // Asked of every node's podCIDRs and every Service's clusterIPs: most hold one entry, which cannot be both.
  if (list.length < 2) return false;
  let four = false;
  let six = false;
  for (const text of list) {
    const family = familyOf(text);
    if (family === 4) four = true;
    else if (family === 6) six = true;
    if (four && six) return true;
  }
  return false;
}
