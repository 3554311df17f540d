import { z } from 'zod';
import { cappedWarnings, type CappedWarnings } from '../capped-warnings.js';
import { type CloudItem, checkedCidr, countField, readCloudItems, textField } from './cloud-json.js';
import { definedOnly } from '../defined-only.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import { isRecord } from '../configs/go-json-values.js';
import { parsePortRanges, type PortRanges } from './port-ranges.js';

const PortRangesSchema = z.union([z.literal('all'), z.array(z.tuple([z.number().int(), z.number().int()]))]);

export const SecurityGroupRule = z.object({
  direction: z.enum(['ingress', 'egress']),
  /** `PolicyIndex`: Tencent evaluates a group's rules in this order and the first match decides. */
  order: z.number().int().nonnegative(),
  /** Lower-cased: `all`, `tcp`, `udp`, `icmp`, `icmpv6`, `gre`; absent when a service template sets it. */
  protocol: z.string().optional(),
  /** `all`, or inclusive `[from, to]` ranges; absent when a service template sets them or `Port` is unreadable. */
  ports: PortRangesSchema.optional(),
  /** The peer: source of an ingress rule, destination of an egress rule. */
  cidr: z.string().optional(),
  ipv6Cidr: z.string().optional(),
  peerSecurityGroupId: z.string().optional(),
  addressTemplate: z.string().optional(),
  serviceTemplate: z.string().optional(),
  action: z.enum(['accept', 'drop']),
  description: z.string().optional(),
  line: z.number().int().positive(),
});
export type SecurityGroupRule = z.infer<typeof SecurityGroupRule>;

export const SecurityGroup = z.object({
  /** From the object's `SecurityGroupId`, else an `sg-xxxxxxxx` in the file name; tccli's own output omits it. */
  securityGroupId: z.string().optional(),
  version: z.string().optional(),
  rules: z.array(SecurityGroupRule),
  line: z.number().int().positive(),
});
export type SecurityGroup = z.infer<typeof SecurityGroup>;

export const TencentSecurityGroupsValue = z.object({ securityGroups: z.array(SecurityGroup) });
export type TencentSecurityGroupsValue = z.infer<typeof TencentSecurityGroupsValue>;

const directions = [
  ['Ingress', 'ingress'],
  ['Egress', 'egress'],
] as const;

function templateId(value: unknown, keys: readonly string[]): string | undefined {
  if (!isRecord(value)) return undefined;
  for (const key of keys) {
    const id = textField(value, key);
    if (id !== undefined) return id;
  }
  return undefined;
}

function protocolAndPorts(policy: Record<string, unknown>, line: number, warnings: CappedWarnings): { protocol?: string; ports?: PortRanges } {
  const protocol = (textField(policy, 'Protocol') ?? 'all').toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp') return { protocol, ports: 'all' };
  const port = textField(policy, 'Port');
  const ports = port === undefined ? 'all' : parsePortRanges(port);
  if (ports === undefined) warnings.warn('invalid-port', 'security group rule Port is not ALL, a port, a list or a range', line);
  return definedOnly({ protocol, ports });
}

function rule(
  policy: Record<string, unknown>,
  direction: SecurityGroupRule['direction'],
  position: number,
  line: number,
  warnings: CappedWarnings,
): SecurityGroupRule | undefined {
  const action = textField(policy, 'Action')?.toLowerCase();
  if (action !== 'accept' && action !== 'drop') {
    warnings.warn('invalid-action', 'security group rule Action is neither ACCEPT nor DROP; skipped', line);
    return undefined;
  }
  const serviceTemplate = templateId(policy.ServiceTemplate, ['ServiceId', 'ServiceGroupId']);
  return definedOnly<SecurityGroupRule>({
    direction,
    order: countField(policy, 'PolicyIndex') ?? position,
    ...(serviceTemplate === undefined ? protocolAndPorts(policy, line, warnings) : {}),
    cidr: checkedCidr(textField(policy, 'CidrBlock'), 'security group rule CidrBlock', line, warnings),
    ipv6Cidr: checkedCidr(textField(policy, 'Ipv6CidrBlock'), 'security group rule Ipv6CidrBlock', line, warnings),
    peerSecurityGroupId: textField(policy, 'SecurityGroupId'),
    addressTemplate: templateId(policy.AddressTemplate, ['AddressId', 'AddressGroupId']),
    serviceTemplate,
    action,
    description: textField(policy, 'PolicyDescription'),
    line,
  });
}

function securityGroup(item: CloudItem, fileGroupId: string | undefined, warnings: CappedWarnings): SecurityGroup {
  const set = isRecord(item.object.SecurityGroupPolicySet) ? item.object.SecurityGroupPolicySet : {};
  const rules: SecurityGroupRule[] = [];
  for (const [key, direction] of directions) {
    const policies = set[key];
    if (policies === undefined) continue;
    if (!Array.isArray(policies)) {
      warnings.warn('policies-not-a-list', `SecurityGroupPolicySet.${key} is not a list`, item.lineAt(['SecurityGroupPolicySet', key]));
      continue;
    }
    policies.forEach((policy, index) => {
      const line = item.lineAt(['SecurityGroupPolicySet', key, index]);
      const parsed = isRecord(policy) ? rule(policy, direction, index, line, warnings) : undefined;
      if (parsed) rules.push(parsed);
    });
  }
  return definedOnly({
    securityGroupId: textField(item.object, 'SecurityGroupId') ?? textField(item.wrapper ?? {}, 'SecurityGroupId') ?? fileGroupId,
    version: textField(set, 'Version'),
    rules,
    line: item.line,
  });
}

function parseSecurityGroupsText(text: string, options: ParseOptions): ParseResult<TencentSecurityGroupsValue> {
  const { items, diagnostics } = readCloudItems(text, {
    file: options.file,
    what: 'security group policy',
    listPath: [],
    isItem: (object) => 'SecurityGroupPolicySet' in object,
  });
  const warnings = cappedWarnings(options.file);
  // A single group saved as `tencent-security-groups-sg-ohuuioma.json` names its group only in the file name.
  const fileGroupId = items.length === 1 ? /\bsg-[0-9a-z]{8}\b/.exec(options.file ?? '')?.[0] : undefined;
  const securityGroups = items.map((item) => securityGroup(item, fileGroupId, warnings));
  return { value: { securityGroups }, diagnostics: [...diagnostics, ...warnings.finish()] };
}

export const tencentSecurityGroupsParser = defineParser<TencentSecurityGroupsValue>({
  id: 'tencent-security-groups',
  command: 'tccli vpc DescribeSecurityGroupPolicies',
  description:
    'Tencent Cloud security group rules, normalised: direction, order, protocol, port ranges, peer CIDR / group / ' +
    'address template, ACCEPT or DROP. One group object, or a list of them each with SecurityGroupId.',
  schema: TencentSecurityGroupsValue,
  example: JSON.stringify(
    [
      {
        SecurityGroupId: 'sg-5ksl9t3m',
        SecurityGroupPolicySet: {
          Version: '3',
          Ingress: [
            { PolicyIndex: 0, Protocol: 'TCP', Port: '30000-32768', CidrBlock: '10.0.0.0/16', Action: 'ACCEPT' },
            { PolicyIndex: 1, Protocol: 'ALL', Port: 'ALL', CidrBlock: '0.0.0.0/0', Action: 'DROP' },
          ],
          Egress: [{ PolicyIndex: 0, Protocol: 'ALL', Port: 'ALL', CidrBlock: '0.0.0.0/0', Action: 'ACCEPT' }],
        },
      },
    ],
    null,
    2,
  ),
  empty: () => ({ securityGroups: [] }),
  parse: parseSecurityGroupsText,
});

export function parseTencentSecurityGroups(text: string, options?: ParseOptions): ParseResult<TencentSecurityGroupsValue> {
  return tencentSecurityGroupsParser.parse(text, options);
}
