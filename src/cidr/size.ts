import { blockSize } from './block.js';
import { parseCidr } from './parse.js';

/** How many addresses the block holds. */
export function cidrSize(cidr: string): bigint {
  const block = parseCidr(cidr);
  return blockSize(block.family, block.prefix);
}

/**
 * How many addresses can be given to hosts. IPv4 blocks shorter than /31 lose
 * their network and broadcast addresses; /31 (RFC 3021 point-to-point) and /32
 * keep all. IPv6 has no broadcast address, and the subnet-router anycast
 * address is still assignable by IPAM plugins, so every IPv6 address counts.
 */
export function usableAddresses(cidr: string): bigint {
  const block = parseCidr(cidr);
  const size = blockSize(block.family, block.prefix);
  return block.family === 4 && block.prefix < 31 ? size - 2n : size;
}
