import { z } from 'zod';
import { diagnostic } from '../../diagnostics.js';
import { cappedWarnings, numberedLines } from '../capped-warnings.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';

export const IpRouteNexthop = z.object({
  via: z.string().optional(),
  dev: z.string().optional(),
  weight: z.number().int().optional(),
  flags: z.array(z.string()),
});
export type IpRouteNexthop = z.infer<typeof IpRouteNexthop>;

export const IpRoute = z.object({
  /** `default`, a CIDR (`10.244.1.0/24`) or a single address (`10.0.0.4`, in `local` routes). */
  destination: z.string(),
  /** The route type when printed: `blackhole`, `unreachable`, `prohibit`, `local`, `broadcast`, … */
  type: z.string().optional(),
  via: z.string().optional(),
  dev: z.string().optional(),
  proto: z.string().optional(),
  scope: z.string().optional(),
  src: z.string().optional(),
  metric: z.number().int().nonnegative().optional(),
  table: z.string().optional(),
  /** Bare words such as `onlink`, `linkdown`, `dead`, and anything not understood. */
  flags: z.array(z.string()),
  /** ECMP routes list their gateways on indented `nexthop` lines. */
  nexthops: z.array(IpRouteNexthop).optional(),
  line: z.number().int().positive(),
});
export type IpRoute = z.infer<typeof IpRoute>;

export const IpRouteValue = z.object({ routes: z.array(IpRoute) });
export type IpRouteValue = z.infer<typeof IpRouteValue>;

const routeTypes = new Set(
  ['unicast', 'local', 'broadcast', 'multicast', 'throw', 'unreachable', 'prohibit', 'blackhole', 'nat', 'anycast'],
);
const recorded = ['via', 'dev', 'proto', 'scope', 'src', 'metric', 'table', 'weight'] as const;
type RecordedKey = (typeof recorded)[number];
// Keys followed by one value that is not kept (`expires 297sec`, `pref medium`, `error -113`).
const skippedKeys = new Set(
  [
    'mtu advmss expires pref error realm realms hoplimit initcwnd initrwnd rto_min congctl features tos dsfield',
    'from nhid window rtt rttvar ssthresh cwnd reordering quickack fastopen_no_cookie ttl-propagate label as',
  ]
    .join(' ')
    .split(' '),
);
const destinationPattern = /^(?:default|\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?|[0-9a-f]*:[0-9a-f:.]*(?:\/\d{1,3})?)$/i;

/** Reads `key value` pairs and bare flags: `via 10.244.1.0 dev flannel.1 onlink`, `via inet6 fe80::1 dev eth0`. */
function readAttributes(tokens: string[]): { values: Partial<Record<RecordedKey, string>>; flags: string[] } {
  const values: Partial<Record<RecordedKey, string>> = {};
  const flags: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    const qualifier = token === 'via' ? /^inet6?$/ : token === 'mtu' ? /^lock$/ : undefined;
    if (qualifier?.test(tokens[i + 1] ?? '')) i += 1;
    if ((recorded as readonly string[]).includes(token) && i + 1 < tokens.length) {
      values[token as RecordedKey] = tokens[i + 1];
      i += 1;
    } else if (skippedKeys.has(token)) i += 1;
    else flags.push(token);
  }
  return { values, flags };
}

function readRoute(tokens: string[], line: number): IpRoute | undefined {
  const type = routeTypes.has(tokens[0] ?? '') ? tokens.shift() : undefined;
  const destination = tokens.shift() ?? '';
  if (!destinationPattern.test(destination)) return undefined;
  const { values, flags } = readAttributes(tokens);
  const route: IpRoute = { destination, flags, line };
  if (type !== undefined) route.type = type;
  for (const key of ['via', 'dev', 'proto', 'scope', 'src', 'table'] as const) {
    const value = values[key];
    if (value !== undefined) route[key] = value;
  }
  if (values.metric !== undefined && /^\d+$/.test(values.metric)) route.metric = Number(values.metric);
  return route;
}

function readNexthop(tokens: string[]): IpRouteNexthop {
  const { values, flags } = readAttributes(tokens);
  const nexthop: IpRouteNexthop = { flags };
  if (values.via !== undefined) nexthop.via = values.via;
  if (values.dev !== undefined) nexthop.dev = values.dev;
  if (values.weight !== undefined && /^\d+$/.test(values.weight)) nexthop.weight = Number(values.weight);
  return nexthop;
}

function parseIpRouteText(text: string, options: ParseOptions): ParseResult<IpRouteValue> {
  const routes: IpRoute[] = [];
  const warnings = cappedWarnings(options.file);
  let nonBlank = 0;
  for (const { text: raw, line } of numberedLines(text)) {
    const tokens = raw.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) continue;
    nonBlank += 1;
    const previous = routes.at(-1);
    if (/^\s/.test(raw) && previous) {
      // `	nexthop via 10.0.0.1 dev eth0 weight 1`; other indented lines (`cache …`) add nothing we keep.
      if (tokens[0] === 'nexthop') (previous.nexthops ??= []).push(readNexthop(tokens.slice(1)));
      continue;
    }
    const route = readRoute(tokens, line);
    if (route) routes.push(route);
    else warnings.warn('unrecognised-line', 'line not recognised as an ip route entry', line);
  }
  const diagnostics =
    routes.length === 0 && nonBlank > 0
      ? [diagnostic('error', 'unrecognised-input', 'no routes found in this ip route output', { file: options.file })]
      : [];
  return { value: { routes }, diagnostics: [...diagnostics, ...warnings.finish()] };
}

export const ipRouteParser = defineParser<IpRouteValue>({
  id: 'ip-route',
  command: 'ip route',
  description: 'The routing table: destinations with gateway, device, protocol, scope, source and metric.',
  schema: IpRouteValue,
  example: [
    'default via 10.0.0.1 dev eth0 proto dhcp src 10.0.0.4 metric 100 ',
    '10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink ',
    '172.20.0.0/24 dev cni0 proto kernel scope link src 172.20.0.1 ',
    'blackhole 10.0.0.0/24 proto bird ',
  ].join('\n'),
  empty: () => ({ routes: [] }),
  parse: parseIpRouteText,
});

export function parseIpRoute(text: string, options?: ParseOptions): ParseResult<IpRouteValue> {
  return ipRouteParser.parse(text, options);
}
