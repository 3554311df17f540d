import { cidrContains, isValidAddress, normalizeCidr } from '../../cidr/index.js';

/** The smallest single CIDR holding every address (IPv4 or IPv6, not mixed); undefined for none or mixed families. */
export function smallestCoveringCidr(addresses: readonly string[]): string | undefined {
  const ips = addresses.filter(isValidAddress);
  if (ips.length === 0) return undefined;
  const v6 = ips[0]!.includes(':');
  if (ips.some((ip) => ip.includes(':') !== v6)) return undefined;
  const bits = v6 ? 128 : 32;
  for (let prefix = bits; prefix >= 0; prefix--) {
    const candidate = normalizeCidr(`${ips[0]}/${prefix}`);
    if (ips.every((ip) => cidrContains(candidate, `${ip}/${bits}`))) return candidate;
  }
  return undefined;
}
