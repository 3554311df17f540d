import { z } from 'zod';

/** The value `parseIpsecStatus` returns; shared with the line reader (ipsec-status-lines.ts). */
const lineNumber = z.number().int().positive();

export const IkeSa = z.object({
  name: z.string(),
  id: z.number().int().nonnegative(),
  /** `ESTABLISHED`, `CONNECTING`, `PASSIVE`, `REKEYING`, `DELETING` … */
  state: z.string(),
  /** `2 hours` of `ESTABLISHED 2 hours ago`. */
  establishedFor: z.string().optional(),
  local: z.string().optional(),
  remote: z.string().optional(),
  line: lineNumber,
});
export type IkeSa = z.infer<typeof IkeSa>;

export const ChildSa = z.object({
  name: z.string(),
  id: z.number().int().nonnegative(),
  /** `INSTALLED`, `ROUTED`, `REKEYING`, `INSTALLING` … */
  state: z.string(),
  /** `TUNNEL`, `TRANSPORT`, `BEET`, `PASS`, `DROP`. */
  mode: z.string(),
  reqid: z.number().int().nonnegative().optional(),
  /** Traffic selectors as printed (`172.21.0.0/16`, `192.168.35.1/32[17/l2tp]`); from the `===` line. */
  localTs: z.array(z.string()),
  remoteTs: z.array(z.string()),
  line: lineNumber,
});
export type ChildSa = z.infer<typeof ChildSa>;

export const IpsecConnectionConfig = z.object({
  name: z.string(),
  local: z.string(),
  remote: z.string(),
  ikeVersion: z.string().optional(),
  children: z.array(z.object({ name: z.string(), localTs: z.array(z.string()), remoteTs: z.array(z.string()), mode: z.string(), line: lineNumber })),
  line: lineNumber,
});
export type IpsecConnectionConfig = z.infer<typeof IpsecConnectionConfig>;

export const IpsecConnection = z.object({
  name: z.string(),
  ikeStates: z.array(z.string()),
  childStates: z.array(z.string()),
  /** An IKE SA of this name is `ESTABLISHED`: what the IBM document asks for. */
  established: z.boolean(),
  line: lineNumber,
});
export type IpsecConnection = z.infer<typeof IpsecConnection>;

export const IpsecStatusValue = z.object({
  /** `ipsec statusall` (daemon header and `Connections:`), not plain `ipsec status`. */
  detailed: z.boolean(),
  /** strongSwan version from the `statusall` header. */
  version: z.string().optional(),
  securityAssociations: z.object({ up: z.number().int().nonnegative(), connecting: z.number().int().nonnegative(), line: lineNumber }).optional(),
  configured: z.array(IpsecConnectionConfig),
  ikeSas: z.array(IkeSa),
  childSas: z.array(ChildSa),
  shunted: z.array(z.object({ name: z.string(), line: lineNumber })),
  /** One entry per connection name seen anywhere, in order of first appearance. */
  connections: z.array(IpsecConnection),
  /** The charon daemon could not be reached (`connecting to 'unix:///var/run/charon.ctl' failed`). */
  daemonUnavailableLine: lineNumber.optional(),
  kubectlErrorLines: z.array(lineNumber),
});
export type IpsecStatusValue = z.infer<typeof IpsecStatusValue>;
