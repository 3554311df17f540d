import { z } from 'zod';
import { cappedWarnings } from '../capped-warnings.js';
import { checkedCidr, readCloudItems, textField } from './cloud-json.js';
import { definedOnly } from '../defined-only.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import { isRecord } from '../configs/go-json-values.js';

export const RouteNextHop = z.object({
  /** `Instance` (an ECS node, what ACK's cloud controller adds per pod CIDR), `NatGateway`, `VpnGateway`, `HaVip` … */
  type: z.string().optional(),
  id: z.string().optional(),
});
export type RouteNextHop = z.infer<typeof RouteNextHop>;

export const RouteEntry = z.object({
  destination: z.string(),
  /** `System`, `Custom`, `BGP`, `CEN` … */
  type: z.string().optional(),
  /** `Available`, `Pending` or `Modifying`. */
  status: z.string().optional(),
  routeEntryId: z.string().optional(),
  name: z.string().optional(),
  nextHops: z.array(RouteNextHop),
  line: z.number().int().positive(),
});
export type RouteEntry = z.infer<typeof RouteEntry>;

export const RouteTable = z.object({ routeTableId: z.string().optional(), routes: z.array(RouteEntry) });
export type RouteTable = z.infer<typeof RouteTable>;

export const AliyunRouteEntriesValue = z.object({ routeTables: z.array(RouteTable) });
export type AliyunRouteEntriesValue = z.infer<typeof AliyunRouteEntriesValue>;

function nextHopsOf(object: Record<string, unknown>): RouteNextHop[] {
  const hops = isRecord(object.NextHops) ? object.NextHops.NextHop : undefined;
  if (Array.isArray(hops)) {
    return hops.filter(isRecord).map((hop) => definedOnly({ type: textField(hop, 'NextHopType'), id: textField(hop, 'NextHopId') }));
  }
  // Some responses (and DescribeRouteTables) put a single next hop on the entry itself.
  const single = definedOnly({ type: textField(object, 'NextHopType'), id: textField(object, 'NextHopId') ?? textField(object, 'InstanceId') });
  return Object.keys(single).length > 0 ? [single] : [];
}

function parseRouteEntriesText(text: string, options: ParseOptions): ParseResult<AliyunRouteEntriesValue> {
  const { items, diagnostics } = readCloudItems(text, {
    file: options.file,
    what: 'route entry',
    listPath: ['RouteEntrys', 'RouteEntry'],
    isItem: (object) => 'DestinationCidrBlock' in object,
  });
  const warnings = cappedWarnings(options.file);
  const tables = new Map<string, RouteTable>();
  for (const { object, line } of items) {
    const destination = checkedCidr(textField(object, 'DestinationCidrBlock'), 'route DestinationCidrBlock', line, warnings);
    if (destination === undefined) {
      warnings.warn('route-without-destination', 'route entry without a DestinationCidrBlock; skipped', line);
      continue;
    }
    const routeTableId = textField(object, 'RouteTableId');
    const table = tables.get(routeTableId ?? '') ?? definedOnly({ routeTableId, routes: [] as RouteEntry[] });
    tables.set(routeTableId ?? '', table);
    table.routes.push(
      definedOnly({
        destination,
        type: textField(object, 'Type') ?? textField(object, 'RouteEntryType'),
        status: textField(object, 'Status'),
        routeEntryId: textField(object, 'RouteEntryId'),
        name: textField(object, 'RouteEntryName'),
        nextHops: nextHopsOf(object),
        line,
      }),
    );
  }
  return { value: { routeTables: [...tables.values()] }, diagnostics: [...diagnostics, ...warnings.finish()] };
}

export const aliyunRouteEntriesParser = defineParser<AliyunRouteEntriesValue>({
  id: 'aliyun-route-entries',
  command: 'aliyun vpc DescribeRouteEntryList',
  description: 'Alibaba Cloud VPC route entries (destination CIDR, next hops, type, status), grouped per route table.',
  schema: AliyunRouteEntriesValue,
  example: JSON.stringify(
    {
      RouteEntrys: {
        RouteEntry: [
          {
            RouteTableId: 'vtb-bp145q7glnuzdvzu2h6q9',
            RouteEntryId: 'rte-bp1mnnr2al0naomnpxxk7',
            DestinationCidrBlock: '172.20.1.0/24',
            Type: 'Custom',
            Status: 'Available',
            NextHops: { NextHop: [{ NextHopType: 'Instance', NextHopId: 'i-bp1a7z9xyz0ekxh2lmk8' }] },
          },
        ],
      },
    },
    null,
    2,
  ),
  empty: () => ({ routeTables: [] }),
  parse: parseRouteEntriesText,
});

export function parseAliyunRouteEntries(text: string, options?: ParseOptions): ParseResult<AliyunRouteEntriesValue> {
  return aliyunRouteEntriesParser.parse(text, options);
}
