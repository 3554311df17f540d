import { z } from 'zod';
import { cappedWarnings } from '../capped-warnings.js';
import { readCloudItems, textField } from './cloud-json.js';
import { definedOnly } from '../defined-only.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';
import { isRecord } from '../configs/go-json-values.js';

export const AzureRoute = z.object({
  name: z.string(),
  /** A CIDR, or a service tag such as `AzureCloud` (Azure accepts both). */
  addressPrefix: z.string().optional(),
  /** `VirtualAppliance`, `VnetLocal`, `Internet`, `VirtualNetworkGateway` or `None`. */
  nextHopType: z.string().optional(),
  /** Set for `VirtualAppliance`: flannel host-gw needs the node IP here for the node's pod subnet. */
  nextHopIpAddress: z.string().optional(),
  /** From the route's resource id (`…/routeTables/<name>/routes/<route>`). */
  routeTable: z.string().optional(),
  resourceGroup: z.string().optional(),
  provisioningState: z.string().optional(),
  line: z.number().int().positive(),
});
export type AzureRoute = z.infer<typeof AzureRoute>;

export const AzureRoutesValue = z.object({ routes: z.array(AzureRoute) });
export type AzureRoutesValue = z.infer<typeof AzureRoutesValue>;

function parseAzureRoutesText(text: string, options: ParseOptions): ParseResult<AzureRoutesValue> {
  // `az network route-table route list` prints a bare list; `route-table show` nests it under `routes`.
  const { items, diagnostics } = readCloudItems(text, {
    file: options.file,
    what: 'route',
    listPath: ['routes'],
    isItem: (object) => 'nextHopType' in (isRecord(object.properties) ? object.properties : object),
  });
  const warnings = cappedWarnings(options.file);
  const routes: AzureRoute[] = [];
  for (const { object, line } of items) {
    // `az … -o json` prints camelCase; ARM templates and some SDK dumps nest the same fields under `properties`.
    const properties = isRecord(object.properties) ? object.properties : object;
    const name = textField(object, 'name');
    if (name === undefined) {
      warnings.warn('route-without-name', 'route without a name; skipped', line);
      continue;
    }
    const id = textField(object, 'id') ?? '';
    routes.push(
      definedOnly({
        name,
        addressPrefix: textField(properties, 'addressPrefix'),
        nextHopType: textField(properties, 'nextHopType'),
        nextHopIpAddress: textField(properties, 'nextHopIpAddress'),
        routeTable: /\/routeTables\/([^/]+)\/routes\//i.exec(id)?.[1],
        resourceGroup: textField(object, 'resourceGroup') ?? /\/resourceGroups\/([^/]+)\//i.exec(id)?.[1],
        provisioningState: textField(properties, 'provisioningState'),
        line,
      }),
    );
  }
  return { value: { routes }, diagnostics: [...diagnostics, ...warnings.finish()] };
}

export const azureRoutesParser = defineParser<AzureRoutesValue>({
  id: 'azure-routes',
  command: 'az network route-table route list',
  description: 'Azure route table routes: address prefix, next hop type and IP, and the route table they belong to.',
  schema: AzureRoutesValue,
  example: JSON.stringify(
    [
      {
        addressPrefix: '10.244.1.0/24',
        etag: 'W/"5b1e9a52-4d2a-4c3b-9d6e-0a1f2b3c4d5e"',
        id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/k8s-rg/providers/Microsoft.Network/routeTables/k8s-rt/routes/node-win-1',
        name: 'node-win-1',
        nextHopIpAddress: '10.240.0.5',
        nextHopType: 'VirtualAppliance',
        provisioningState: 'Succeeded',
        resourceGroup: 'k8s-rg',
        type: 'Microsoft.Network/routeTables/routes',
      },
    ],
    null,
    2,
  ),
  empty: () => ({ routes: [] }),
  parse: parseAzureRoutesText,
});

export function parseAzureRoutes(text: string, options?: ParseOptions): ParseResult<AzureRoutesValue> {
  return azureRoutesParser.parse(text, options);
}
