import { z } from 'zod';

/** The value `parseIpvsadm` returns; shared with the row reader (ipvsadm-rows.ts) and the forwarding scan. */
const count = z.number().int().nonnegative();

/** `--stats` columns. Counts of 100 million and more are printed rounded (`123456K`, `1234M`); they are scaled back. */
export const IpvsStats = z.object({ conns: count, inPkts: count, outPkts: count, inBytes: count, outBytes: count });
/** `--rate` columns, per second. */
export const IpvsRate = z.object({ cps: count, inPps: count, outPps: count, inBps: count, outBps: count });
export type IpvsStats = z.infer<typeof IpvsStats>;
export type IpvsRate = z.infer<typeof IpvsRate>;

export const IpvsRealServer = z.object({
  address: z.string(),
  /** Absent when ipvsadm printed a service name (`:http`) instead of a number. */
  port: z.number().int().optional(),
  /** Masq, Route, Tunnel, Local (or FullNat on forks); absent in --stats/--rate listings. */
  forward: z.string().optional(),
  weight: z.number().int().optional(),
  activeConn: count.optional(),
  inactConn: count.optional(),
  persistConn: count.optional(),
  upperThreshold: count.optional(),
  lowerThreshold: count.optional(),
  stats: IpvsStats.optional(),
  rate: IpvsRate.optional(),
  line: z.number().int(),
});
export type IpvsRealServer = z.infer<typeof IpvsRealServer>;

export const IpvsVirtualServer = z.object({
  protocol: z.enum(['TCP', 'UDP', 'SCTP', 'FWM']),
  family: z.union([z.literal(4), z.literal(6)]),
  address: z.string().optional(),
  port: z.number().int().optional(),
  fwmark: z.number().int().optional(),
  /** Absent in --stats/--rate listings, which print counters instead. */
  scheduler: z.string().optional(),
  /** `persistent`, `ops`, `mask 255.255.255.0`, `pe sip`, scheduler flags such as `sh-port`. */
  flags: z.array(z.string()),
  persistentSeconds: z.number().int().optional(),
  stats: IpvsStats.optional(),
  rate: IpvsRate.optional(),
  line: z.number().int(),
  realServers: z.array(IpvsRealServer),
});
export type IpvsVirtualServer = z.infer<typeof IpvsVirtualServer>;

export const Ipvsadm = z.object({
  version: z.string().optional(),
  size: z.number().int().optional(),
  format: z.enum(['default', 'stats', 'rate', 'thresholds', 'persistent-conn']),
  virtualServers: z.array(IpvsVirtualServer),
  /** ipvsadm ran without -n: some addresses or ports were printed as names (rows with a named address are dropped). */
  namesResolved: z.boolean(),
});
export type Ipvsadm = z.infer<typeof Ipvsadm>;
