import { z } from 'zod';
import { cappedWarnings } from '../capped-warnings.js';
import { checkedCidr, countField, readCloudItems, textField } from './cloud-json.js';
import { definedOnly } from '../defined-only.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import { isRecord } from '../configs/go-json-values.js';

export const VSwitch = z.object({
  vswitchId: z.string(),
  vpcId: z.string().optional(),
  zoneId: z.string().optional(),
  cidr: z.string().optional(),
  ipv6Cidr: z.string().optional(),
  /** Addresses still free in the vSwitch; 0 is Terway's `InvalidVSwitchId.IpNotEnough`. */
  availableIpCount: z.number().int().nonnegative().optional(),
  /** `Available` or `Pending`. */
  status: z.string().optional(),
  name: z.string().optional(),
  routeTableId: z.string().optional(),
  /** `System` or `Custom`. */
  routeTableType: z.string().optional(),
  line: z.number().int().positive(),
});
export type VSwitch = z.infer<typeof VSwitch>;

export const AliyunVSwitchesValue = z.object({ vswitches: z.array(VSwitch) });
export type AliyunVSwitchesValue = z.infer<typeof AliyunVSwitchesValue>;

function parseVSwitchesText(text: string, options: ParseOptions): ParseResult<AliyunVSwitchesValue> {
  const { items, diagnostics } = readCloudItems(text, {
    file: options.file,
    what: 'vSwitch',
    listPath: ['VSwitches', 'VSwitch'],
    isItem: (object) => 'VSwitchId' in object,
  });
  const warnings = cappedWarnings(options.file);
  const vswitches: VSwitch[] = [];
  for (const { object, line } of items) {
    const vswitchId = textField(object, 'VSwitchId');
    if (vswitchId === undefined) {
      warnings.warn('vswitch-without-id', 'vSwitch entry without a VSwitchId; skipped', line);
      continue;
    }
    const routeTable = isRecord(object.RouteTable) ? object.RouteTable : {};
    vswitches.push(
      definedOnly({
        vswitchId,
        vpcId: textField(object, 'VpcId'),
        zoneId: textField(object, 'ZoneId'),
        cidr: checkedCidr(textField(object, 'CidrBlock'), 'vSwitch CidrBlock', line, warnings),
        ipv6Cidr: checkedCidr(textField(object, 'Ipv6CidrBlock'), 'vSwitch Ipv6CidrBlock', line, warnings),
        availableIpCount: countField(object, 'AvailableIpAddressCount'),
        status: textField(object, 'Status'),
        name: textField(object, 'VSwitchName'),
        routeTableId: textField(routeTable, 'RouteTableId'),
        routeTableType: textField(routeTable, 'RouteTableType'),
        line,
      }),
    );
  }
  return { value: { vswitches }, diagnostics: [...diagnostics, ...warnings.finish()] };
}

export const aliyunVswitchesParser = defineParser<AliyunVSwitchesValue>({
  id: 'aliyun-vswitches',
  command: 'aliyun vpc DescribeVSwitches',
  description:
    'Alibaba Cloud vSwitches: zone, IPv4/IPv6 CIDR, free addresses and route table, from the DescribeVSwitches JSON ' +
    '(one response, several pages in a list, or the bare VSwitch list).',
  schema: AliyunVSwitchesValue,
  example: JSON.stringify(
    {
      VSwitches: {
        VSwitch: [
          {
            VSwitchId: 'vsw-bp1s5fnvk4gn2tws03624',
            VpcId: 'vpc-bp1qpo0kug3a20qqe2x0o',
            Status: 'Available',
            CidrBlock: '192.168.32.0/19',
            ZoneId: 'cn-hangzhou-i',
            AvailableIpAddressCount: 0,
            VSwitchName: 'terway-pod-i',
            RouteTable: { RouteTableId: 'vtb-bp145q7glnuzdvzu2h6q9', RouteTableType: 'System' },
          },
        ],
      },
      TotalCount: 1,
      PageNumber: 1,
      PageSize: 10,
    },
    null,
    2,
  ),
  empty: () => ({ vswitches: [] }),
  parse: parseVSwitchesText,
});

export function parseAliyunVswitches(text: string, options?: ParseOptions): ParseResult<AliyunVSwitchesValue> {
  return aliyunVswitchesParser.parse(text, options);
}
