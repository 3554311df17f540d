/**
 * Firewall rules that drop overlay-network traffic, found in an iptables-save
 * dump. Helpers for iptables-save.ts; no parser lives here.
 */
import { z } from 'zod';
import type { TableLike } from './iptables-save-kube-proxy.js';

export const OverlayPortBlock = z.object({
  table: z.string(),
  chain: z.string(),
  /** `udp`, or `all` when the rule names no protocol. */
  protocol: z.string(),
  /** The overlay port covered: 8472/4789 VXLAN, 8285 flannel udp, 51820/51821 WireGuard. */
  port: z.number().int(),
  target: z.enum(['DROP', 'REJECT']),
  line: z.number().int(),
});
export type OverlayPortBlock = z.infer<typeof OverlayPortBlock>;

// VXLAN (4789 IANA, 8472 Linux/flannel default), flannel's udp backend (8285), WireGuard (51820 IPv4, 51821 IPv6).
const OVERLAY_PORTS = [4789, 8285, 8472, 51820, 51821];

/** Explicit DROP/REJECT rules whose UDP (or any-protocol) destination ports cover an overlay port. */
export function overlayPortBlocks(tables: TableLike[]): OverlayPortBlock[] {
  const out: OverlayPortBlock[] = [];
  for (const table of tables) {
    for (const rule of table.rules) {
      const { protocol, dport, negated } = rule.matches;
      if (rule.target !== 'DROP' && rule.target !== 'REJECT') continue;
      if (negated.includes('protocol') || negated.includes('dport') || dport === undefined) continue;
      if (protocol !== undefined && !['udp', '17', 'all'].includes(protocol.toLowerCase())) continue;
      for (const port of OVERLAY_PORTS.filter((p) => portListCovers(dport, p))) {
        out.push({ table: table.name, chain: rule.chain, protocol: protocol ?? 'all', port, target: rule.target, line: rule.line });
      }
    }
  }
  return out;
}

/** `53`, `1024:65535`, `:1024`, `4789,8472` (multiport) against one port. */
function portListCovers(list: string, port: number): boolean {
  return list.split(',').some((part) => {
    const [lo, hi] = part.includes(':') ? part.split(':') : [part, part];
    const low = lo ? Number(lo) : 0;
    const high = hi ? Number(hi) : 65535;
    return port >= low && port <= high;
  });
}

