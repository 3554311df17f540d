import { compareVersions, isValidVersion } from '../../versions/compare-versions.js';
import { flannelVersion } from '../cluster/component-version.js';
import { defineFact } from '../define.js';
import type { UsageFigure } from '../figure.js';
import { flannelCniConfig } from '../flannel/flannel-config.js';
import { ipamRangeEventsByNode } from './ipam-range-events.js';
import { podNetworkPodsOnNode } from '../snapshot-index.js';

/** ACK: IP leaks are fixed in ACK 1.20 and flannel v0.15.1.11-7e95fe23-aliyun (IPAM data under /var/run). */
export const leakFixedKubernetes = '1.20';
export const leakFixedFlannel = 'v0.15.1.11-7e95fe23-aliyun';

/**
 * The `A-B` range of flannel/host-local's "no IP addresses available in range
 * set" error against the pods actually on the node: far fewer pods than
 * addresses means addresses leaked; as many means the range is simply full.
 */
export const ipamRangeExhaustion = defineFact({
  id: 'ipamRangeExhaustion',
  subject: 'Node',
  description: 'The exhausted host-local range from the node\'s events, its size, the pods on the node holding a pod-network address, and the known leak causes present (on ACK: Kubernetes < 1.20; flannel < v0.15.1.11-7e95fe23-aliyun, IPAM dataDir not under /var/run).',
  reads: ['Events message', 'Pods spec.nodeName', 'cluster.kubernetesVersion', 'cluster.provider', 'flannel image', 'kube-flannel-cfg cni-conf.json ipam.dataDir'],
  compute: (node, index) => {
    const events = ipamRangeEventsByNode(index).get(node.name) ?? [];
    const latest = events.reduce((a, b) => ((b.event.lastTimestamp ?? '') > (a.event.lastTimestamp ?? '') ? b : a), events[0]!);
    const pods = podNetworkPodsOnNode(index, node.name).length;
    // host-local never hands out the gateway (the first address of the range).
    const assignable = Math.max(latest.size - 1, 0);
    const causes: string[] = [];
    // The document's version is ACK's: on another provider a Kubernetes below 1.20 is no known cause.
    const k8s = index.snapshot.cluster.kubernetesVersion?.value;
    const onAck = index.snapshot.cluster.provider?.value === 'ack';
    if (onAck && k8s && isValidVersion(k8s) && compareVersions(k8s, leakFixedKubernetes) < 0) causes.push(`Kubernetes ${k8s} is below ${leakFixedKubernetes}`);
    const flannel = flannelVersion(index);
    if (flannel && /-aliyun$/.test(flannel.version) && compareVersions(flannel.version, leakFixedFlannel) < 0) {
      causes.push(`flannel ${flannel.version} is below ${leakFixedFlannel}`);
    }
    const dataDir = flannelCniConfig(index)?.config.flannel?.ipamDataDir;
    if (flannelCniConfig(index) && !dataDir?.startsWith('/var/run/')) causes.push(`IPAM dataDir is ${dataDir ?? 'not set (default /var/lib/cni/networks)'}, not under /var/run`);
    return {
      range: `${latest.first}-${latest.last}`,
      rangeSize: latest.size,
      assignable,
      podsOnNode: pods,
      events: events.reduce((n, e) => n + e.event.count, 0),
      causes: causes.length > 0 ? causes.join('; ') : 'none of the document\'s known causes visible in the snapshot',
      source: latest.event.source,
    };
  },
  figure: (v): UsageFigure => ({
    type: 'usage',
    caption: `host-local range ${v.range}: ${v.rangeSize} addresses, ${v.assignable} assignable, reported exhausted`,
    bars: [
      { label: 'addresses host-local has handed out', used: v.assignable, usedLabel: 'allocated (range exhausted)', total: v.assignable, totalLabel: 'assignable addresses' },
      { label: 'pods on the node holding a pod-network address', used: v.podsOnNode, usedLabel: 'pods', total: v.assignable, totalLabel: 'assignable addresses' },
    ],
  }),
});
