import { MissingDataError } from '../../errors.js';
import { parseKubeProxyConfig } from '../../parsers/configs/kube-proxy-config.js';
import { kubeProxyConfigTextForNode } from './kube-proxy-configs.js';
import { defineFact } from '../define.js';

/** kube-proxy uses `rr` when ipvs.scheduler is empty. */
export const DEFAULT_IPVS_SCHEDULER = 'rr';

/**
 * The kube-proxy configuration that applies to a node. ACK runs kube-proxy-worker on workers and,
 * on dedicated clusters, kube-proxy-master on masters, each reading its same-named ConfigMap
 * (key config.conf); other clusters have one `kube-proxy` ConfigMap.
 */
export const kubeProxyIpvsScheduler = defineFact({
  id: 'kubeProxyIpvsScheduler',
  subject: 'Node',
  priority: 10,
  description:
    'Proxy mode and IPVS scheduler of the kube-proxy configuration that applies to the node (kube-proxy-master on ACK masters, kube-proxy-worker on workers, else kube-proxy; key config.conf), with the kernel module the scheduler needs (ip_vs_<scheduler>).',
  reads: ['ConfigMap kube-system/kube-proxy-worker, kube-proxy-master or kube-proxy, key config.conf'],
  compute: (node, index) => {
    const text = kubeProxyConfigTextForNode(index, node);
    if (!text) throw new MissingDataError('ConfigMap kube-system/kube-proxy-worker (or kube-proxy-master, kube-proxy) with key config.conf (kubectl -n kube-system get cm -o json)');
    const config = index.parsed(text.file, parseKubeProxyConfig);
    const scheduler = config.ipvs.scheduler || DEFAULT_IPVS_SCHEDULER;
    const line = config.lines['ipvs.scheduler'] ?? config.lines.mode;
    return {
      configMap: text.configMap.name,
      valid: config.valid,
      // An empty mode is the platform default, iptables on Linux.
      mode: config.mode || (config.valid ? 'iptables' : 'unknown'),
      scheduler,
      schedulerSet: Boolean(config.ipvs.scheduler),
      schedulerModule: `ip_vs_${scheduler}`,
      source: { ...text.source, ...(line === undefined ? {} : { line }) },
    };
  },
});
