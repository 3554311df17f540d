import { z } from 'zod';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import { linkFields, readInterfaces } from './ip-link-common.js';

export const IpAddress = z.object({
  family: z.union([z.literal(4), z.literal(6)]),
  /** `10.0.0.4/24`; an address printed without a prefix (`inet 10.0.0.1 peer 10.0.0.2/32`) gets /32 or /128. */
  cidr: z.string(),
  /** The far end of a point-to-point address. */
  peer: z.string().optional(),
  scope: z.string().optional(),
  line: z.number().int().positive(),
});
export type IpAddress = z.infer<typeof IpAddress>;

export const IpAddrInterface = z.object({ ...linkFields, addresses: z.array(IpAddress) });
export type IpAddrInterface = z.infer<typeof IpAddrInterface>;

export const IpAddrValue = z.object({ interfaces: z.array(IpAddrInterface) });
export type IpAddrValue = z.infer<typeof IpAddrValue>;

// `inet 10.0.0.4/24 brd 10.0.0.255 scope global dynamic eth0`, `inet6 fe80::216:3eff:fe0a:1b2c/64 scope link`
function readAddress(item: IpAddrInterface, text: string, line: number): void {
  const match = /^(inet6?)\s+(\S+)(?:\s+peer\s+(\S+))?/.exec(text);
  if (!match) return;
  const [, kind, local = '', peer] = match;
  const family = kind === 'inet6' ? 6 : 4;
  const cidr = local.includes('/') ? local : `${local}/${family === 6 ? 128 : 32}`;
  const address: IpAddress = { family, cidr, line };
  if (peer !== undefined) address.peer = peer;
  const scope = /\bscope (\S+)/.exec(text)?.[1];
  if (scope !== undefined) address.scope = scope;
  item.addresses.push(address);
}

function parseIpAddrText(text: string, options: ParseOptions): ParseResult<IpAddrValue> {
  const { interfaces, diagnostics } = readInterfaces(
    text,
    options.file,
    'ip addr',
    (link): IpAddrInterface => ({ ...link, addresses: [] }),
    readAddress,
  );
  return { value: { interfaces }, diagnostics };
}

export const ipAddrParser = defineParser<IpAddrValue>({
  id: 'ip-addr',
  command: 'ip addr',
  description: 'Network interfaces with their IPv4 and IPv6 addresses and scopes.',
  schema: IpAddrValue,
  example: [
    '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000',
    '    link/ether 00:16:3e:0a:1b:2c brd ff:ff:ff:ff:ff:ff',
    '    inet 192.168.0.10/24 brd 192.168.0.255 scope global dynamic eth0',
    '       valid_lft 315359354sec preferred_lft 315359354sec',
    '    inet6 fe80::216:3eff:fe0a:1b2c/64 scope link ',
    '       valid_lft forever preferred_lft forever',
  ].join('\n'),
  empty: () => ({ interfaces: [] }),
  parse: parseIpAddrText,
});

export function parseIpAddr(text: string, options?: ParseOptions): ParseResult<IpAddrValue> {
  return ipAddrParser.parse(text, options);
}
