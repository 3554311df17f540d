import { describe, expect, it } from 'vitest';
import { AzureRoutesValue, azureRoutesParser, parseAzureRoutes } from '../../../src/parsers/cloud/azure-routes.js';
import { readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('azure-routes', name);
const table = { routeTable: 'k8s-win-rt', resourceGroup: 'k8s-win-rg', provisioningState: 'Succeeded' };

describe('azure-routes parser', () => {
  it('reads `az network route-table route list` for flannel host-gw, service tags included', () => {
    const { value, diagnostics } = parseAzureRoutes(fixture('flannel-host-gw.json'), { file: 'cloud/azure-routes.json' });
    expect(diagnostics).toEqual([]);
    expect(value.routes).toEqual([
      { ...table, name: 'k8s-master-pods', addressPrefix: '10.244.0.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.240.0.4', line: 2 },
      { ...table, name: 'win-node-1-pods', addressPrefix: '10.244.1.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.240.0.5', line: 14 },
      { ...table, name: 'to-internet', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet', line: 26 },
      { ...table, name: 'azure-services', addressPrefix: 'AzureCloud', nextHopType: 'Internet', line: 37 },
    ]);
    expect(AzureRoutesValue.parse(value)).toEqual(value);
  });

  it('reads the routes nested in `az network route-table show`', () => {
    const { value, diagnostics } = parseAzureRoutes(fixture('route-table-show.json'));
    expect(diagnostics).toEqual([]);
    expect(value.routes).toEqual([
      { ...table, name: 'win-node-2-pods', addressPrefix: '10.244.2.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.240.0.6', line: 11 },
      { ...table, name: 'blackhole', addressPrefix: '10.99.0.0/16', nextHopType: 'None', line: 23 },
    ]);
  });

  it('reads ARM-style `properties` and CRLF', () => {
    const text = '[\r\n{"name": "r1", "properties": {"addressPrefix": "10.244.3.0/24", "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.240.0.7"}}\r\n]';
    expect(parseAzureRoutes(text)).toEqual({
      value: { routes: [{ name: 'r1', addressPrefix: '10.244.3.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.240.0.7', line: 2 }] },
      diagnostics: [],
    });
  });

  it('reports an az error saved instead of JSON, without quoting it', () => {
    expect(parseAzureRoutes(fixture('broken-cli-error.txt'), { file: 'cloud/azure-routes.json' })).toEqual({
      value: { routes: [] },
      diagnostics: [
        {
          severity: 'error',
          code: 'cloud-not-json',
          message: 'the file is not JSON; expected route JSON (the CLI may have printed an error instead)',
          file: 'cloud/azure-routes.json',
          line: 1,
        },
      ],
    });
  });

  it('parses its own documentation example', () => {
    expect(azureRoutesParser.parse(azureRoutesParser.example).diagnostics).toEqual([]);
  });
});
