import { z } from 'zod';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import { IpLink, readInterfaces } from './ip-link-common.js';

export const IpLinkValue = z.object({ interfaces: z.array(IpLink) });
export type IpLinkValue = z.infer<typeof IpLinkValue>;

function parseIpLinkText(text: string, options: ParseOptions): ParseResult<IpLinkValue> {
  const { interfaces, diagnostics } = readInterfaces(text, options.file, 'ip link', (link) => link, () => {});
  return { value: { interfaces }, diagnostics };
}

export const ipLinkParser = defineParser<IpLinkValue>({
  id: 'ip-link',
  command: 'ip link',
  description: 'Network interfaces with their flags, MTU, state, bridge master and MAC address.',
  schema: IpLinkValue,
  example: [
    '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP mode DEFAULT group default qlen 1000',
    '    link/ether 00:16:3e:0a:1b:2c brd ff:ff:ff:ff:ff:ff',
    '3: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN mode DEFAULT group default ',
    '    link/ether 5e:8c:1f:3a:9d:21 brd ff:ff:ff:ff:ff:ff',
    '5: veth1a2b3c4d@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master cni0 state UP mode DEFAULT group default ',
    '    link/ether 9a:41:7c:02:5e:10 brd ff:ff:ff:ff:ff:ff link-netnsid 0',
  ].join('\n'),
  empty: () => ({ interfaces: [] }),
  parse: parseIpLinkText,
});

export function parseIpLink(text: string, options?: ParseOptions): ParseResult<IpLinkValue> {
  return ipLinkParser.parse(text, options);
}
