import { z } from 'zod';
import { cappedWarnings } from '../capped-warnings.js';
import { checkedCidr, readCloudItems, textField } from './cloud-json.js';
import { definedOnly } from '../defined-only.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';

export const SnatEntry = z.object({
  snatEntryId: z.string(),
  /** Set when the entry was made per vSwitch; then `sourceCidr` is that vSwitch's CIDR. */
  sourceVSwitchId: z.string().optional(),
  sourceCidr: z.string().optional(),
  /** `SnatIp` split on commas: an entry may hold several EIPs. */
  snatIps: z.array(z.string()),
  /** `Available`, `Pending`, `Modifying` or `Deleting`. */
  status: z.string().optional(),
  name: z.string().optional(),
  line: z.number().int().positive(),
});
export type SnatEntry = z.infer<typeof SnatEntry>;

export const NatGatewaySnat = z.object({
  natGatewayId: z.string().optional(),
  snatTableId: z.string().optional(),
  snatEntries: z.array(SnatEntry),
});
export type NatGatewaySnat = z.infer<typeof NatGatewaySnat>;

export const AliyunSnatEntriesValue = z.object({ natGateways: z.array(NatGatewaySnat) });
export type AliyunSnatEntriesValue = z.infer<typeof AliyunSnatEntriesValue>;

function parseSnatEntriesText(text: string, options: ParseOptions): ParseResult<AliyunSnatEntriesValue> {
  const { items, diagnostics } = readCloudItems(text, {
    file: options.file,
    what: 'SNAT entry',
    listPath: ['SnatTableEntries', 'SnatTableEntry'],
    isItem: (object) => 'SnatEntryId' in object,
  });
  const warnings = cappedWarnings(options.file);
  // Entries of several NAT gateways may be saved together; group them per gateway (or SNAT table).
  const gateways = new Map<string, NatGatewaySnat>();
  for (const { object, line } of items) {
    const snatEntryId = textField(object, 'SnatEntryId');
    if (snatEntryId === undefined) {
      warnings.warn('snat-entry-without-id', 'SNAT entry without a SnatEntryId; skipped', line);
      continue;
    }
    const natGatewayId = textField(object, 'NatGatewayId');
    const snatTableId = textField(object, 'SnatTableId');
    const key = `${natGatewayId ?? ''}\0${snatTableId ?? ''}`;
    const gateway = gateways.get(key) ?? definedOnly({ natGatewayId, snatTableId, snatEntries: [] as SnatEntry[] });
    gateways.set(key, gateway);
    gateway.snatEntries.push(
      definedOnly({
        snatEntryId,
        sourceVSwitchId: textField(object, 'SourceVSwitchId'),
        sourceCidr: checkedCidr(textField(object, 'SourceCIDR'), 'SNAT entry SourceCIDR', line, warnings),
        snatIps: (textField(object, 'SnatIp') ?? '').split(',').map((ip) => ip.trim()).filter((ip) => ip !== ''),
        status: textField(object, 'Status'),
        name: textField(object, 'SnatEntryName'),
        line,
      }),
    );
  }
  return { value: { natGateways: [...gateways.values()] }, diagnostics: [...diagnostics, ...warnings.finish()] };
}

export const aliyunSnatEntriesParser = defineParser<AliyunSnatEntriesValue>({
  id: 'aliyun-snat-entries',
  command: 'aliyun vpc DescribeSnatTableEntries',
  description:
    'Alibaba Cloud NAT gateway SNAT entries (source vSwitch or CIDR, EIPs, status), grouped per NAT gateway, ' +
    'from the DescribeSnatTableEntries JSON.',
  schema: AliyunSnatEntriesValue,
  example: JSON.stringify(
    {
      SnatTableEntries: {
        SnatTableEntry: [
          {
            SnatEntryId: 'snat-bp1vcgcf8tm0plqcg6l5d',
            SnatTableId: 'stb-bp1xg8axl4mf2gwgbgoab',
            NatGatewayId: 'ngw-bp1uewa15k4iy5770yt8s',
            SourceVSwitchId: 'vsw-bp1s5fnvk4gn2tws03624',
            SourceCIDR: '192.168.32.0/19',
            SnatIp: '47.98.41.166',
            Status: 'Available',
          },
        ],
      },
      TotalCount: 1,
    },
    null,
    2,
  ),
  empty: () => ({ natGateways: [] }),
  parse: parseSnatEntriesText,
});

export function parseAliyunSnatEntries(text: string, options?: ParseOptions): ParseResult<AliyunSnatEntriesValue> {
  return aliyunSnatEntriesParser.parse(text, options);
}
