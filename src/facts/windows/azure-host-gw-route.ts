import { isValidCidr, normalizeCidr } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import { cloudInventory } from '../cloud-inventory.js';
import { defineFact } from '../define.js';
import { flannelNetConf } from '../flannel/flannel-net-conf.js';

/**
 * Azure 上 Flannel 主機 gw 部署上的容器無法連線到因特網: with Flannel host-gw on Azure, packets go through the Azure
 * host vSwitch, so each node's pod subnet needs a user-defined route of next hop type VirtualAppliance with the node's
 * IP as next hop (`az network route-table route create … --address-prefix 10.244.0.0/24 --next-hop-type VirtualAppliance
 * --next-hop-ip-address 10.0.0.4`). Read from `az network route-table route list` (cloud/azure-routes.json).
 */
export const azureHostGwRoute = defineFact({
  id: 'azureHostGwRoute',
  subject: 'Node',
  description:
    'For a node with a pod subnet on a flannel host-gw cluster: the route for that subnet in cloud/azure-routes.json, its next hop type and address, and the state: ok, missing, or wrong (not VirtualAppliance to the node\'s InternalIP); applies is false for other backends.',
  reads: ['ConfigMap kube-system/kube-flannel-cfg net-conf.json Backend.Type', 'cloud/azure-routes*.json', 'Node spec.podCIDR, InternalIP'],
  compute: (node, index) => {
    const conf = flannelNetConf(index);
    if (!conf?.config.backendType) throw new MissingDataError('ConfigMap kube-system/kube-flannel-cfg with net-conf.json (kubectl -n kube-system get configmaps -o json)');
    if (conf.config.backendType.toLowerCase() !== 'host-gw') return { applies: false, state: 'not host-gw', source: conf.source };
    const inventory = cloudInventory(index);
    if (inventory.files.azureRoutes.length === 0) {
      throw new MissingDataError('cloud/azure-routes.json: az network route-table route list --resource-group <rg> --route-table-name <table> -o json');
    }
    const podCIDR = node.podCIDRs.find((c) => isValidCidr(c) && !c.includes(':'));
    const ip = node.addresses.find((a) => a.type === 'InternalIP' && !a.address.includes(':'))?.address;
    if (!podCIDR || !ip) return { applies: false, state: 'no pod subnet or InternalIP', source: node.source };
    const subnet = normalizeCidr(podCIDR);
    const route = inventory.azureRoutes.find((r) => r.addressPrefix && isValidCidr(r.addressPrefix) && normalizeCidr(r.addressPrefix) === subnet);
    const ok = route?.nextHopType === 'VirtualAppliance' && route.nextHopIpAddress === ip;
    return {
      applies: true,
      podCIDR: subnet,
      nodeIP: ip,
      state: !route ? 'missing' : ok ? 'ok' : 'wrong',
      route: route ? `${route.name} (${route.routeTable ?? 'route table'}): next hop ${route.nextHopType ?? 'none'} ${route.nextHopIpAddress ?? ''}`.trim() : 'none',
      routesFile: inventory.files.azureRoutes.join(', '),
      source: route?.source ?? { file: inventory.files.azureRoutes[0] ?? '' },
    };
  },
});
