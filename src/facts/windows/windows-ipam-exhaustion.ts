import { cidrContains, isValidAddress, isValidCidr, usableAddresses } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import { parseHnsEndpoints } from '../../parsers/windows/hns-endpoints.js';
import { defineFact } from '../define.js';
import { findLogMessage } from '../logs/find-log-message.js';
import { nodeEventsMatching, summariseEvents } from '../logs/node-events-matching.js';

/** `network: failed to allocate for range 0: …` (the guide: 「網路:無法配置範圍」) — host-local on Windows. */
const allocateFailed = /failed to allocate (?:for )?range|network: failed to allocate/i;

/**
 * Whether a Windows node's pod subnet is used up (我的 Pod 無法啟動,因為「網路:無法配置範圍」錯誤): the
 * `failed to allocate range` errors of its pods, and the local HNS endpoints holding addresses of its pod subnet
 * against the subnet's usable addresses less the gateway host-local keeps.
 */
export const windowsIpamExhaustion = defineFact({
  id: 'windowsIpamExhaustion',
  subject: 'Node',
  description:
    '"failed to allocate range" errors of the node (pod events, kubelet log), the local HNS endpoints (hns-endpoints.json) holding addresses of its spec.podCIDR, and the addresses host-local can hand out there (usable less the gateway); `atLimit` is null without hns-endpoints.json.',
  reads: ['Events message', 'nodes/<node>/logs/kubelet.log', 'nodes/<node>/hns-endpoints.json', 'Node spec.podCIDR'],
  compute: (node, index) => {
    const eventsCaptured = index.snapshot.captured.includes('Event');
    const logged = findLogMessage(index, node.name, 'ipamAllocateFailed');
    const endpointsFile = index.nodeOutputs(node.name)?.commands['hns-endpoints'];
    if (!eventsCaptured && logged === undefined && !endpointsFile) {
      throw new MissingDataError('kubectl get events -A -o json > events.json, or nodes/<node>/hns-endpoints.json (Get-HnsEndpoint | ConvertTo-Json -Depth 10) of each Windows node');
    }
    const events = summariseEvents(eventsCaptured ? (nodeEventsMatching(index, allocateFailed).get(node.name) ?? []) : []);
    const errors = events.count + (logged?.count ?? 0);
    const podCIDR = node.podCIDRs.find((c) => isValidCidr(c) && !c.includes(':'));
    let endpoints: number | null = null;
    let assignable: number | null = null;
    if (endpointsFile && podCIDR) {
      const parsed = index.parsed(endpointsFile, parseHnsEndpoints).endpoints;
      endpoints = parsed.filter((e) => !e.isRemoteEndpoint && e.ipAddress && isValidAddress(e.ipAddress) && cidrContains(podCIDR, e.ipAddress)).length;
      assignable = Math.max(Number(usableAddresses(podCIDR)) - 1, 0);
    }
    const where = [
      ...(events.count > 0 ? [`${events.count} in events of ${events.objects.join(', ')}`] : []),
      ...(logged ? [`${logged.count} in ${logged.file}`] : []),
    ];
    return {
      errors,
      errorsWhere: where.length > 0 ? where.join('; ') : 'none',
      podCIDR: podCIDR ?? 'not assigned',
      endpoints: endpoints ?? 'not captured',
      assignable: assignable ?? 'unknown',
      endpointsNote:
        endpoints === null || assignable === null
          ? `local HNS endpoints not counted (${podCIDR ? 'hns-endpoints.json not captured' : 'no pod subnet assigned'})`
          : `${endpoints} local HNS endpoints in ${podCIDR} of ${assignable} assignable addresses`,
      atLimit: endpoints === null || assignable === null ? null : endpoints >= assignable,
      source: endpointsFile && endpoints !== null ? { file: endpointsFile.file } : logged ? { file: logged.file, line: logged.line } : (events.source ?? node.source),
    };
  },
});
