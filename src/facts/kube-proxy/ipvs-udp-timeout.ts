import { MissingDataError } from '../../errors.js';
import { parseIpvsadmTimeout } from '../../parsers/linux/ipvsadm-timeout.js';
import { compareVersions, isValidVersion } from '../../versions/compare-versions.js';
import { defineFact } from '../define.js';
import { kubeProxyConfigCapture, workerKubeProxyConfig } from './kube-proxy-configs.js';
import { requirementsById } from '../requirements.js';
import { objectKey, podsWithLabel } from '../snapshot-index.js';

/** The kernel's IPVS UDP timeout (`ipvsadm -L --timeout` prints `900 120 300`); kube-proxy keeps it when udpTimeout is 0 or unset. */
export const kernelDefaultUdpTimeout = 300;
/** ACK: udpTimeout is honoured by kube-proxy from Kubernetes 1.18 (it came with --ipvs-udp-timeout in 1.18). */
export const udpTimeoutSupportedFrom = '1.18';

/**
 * ACK "如何修改kube-proxy中IPVS UDP会话保持的超时时间?": in IPVS mode a removed UDP
 * backend (a CoreDNS pod being upgraded, a node rebooting) keeps receiving
 * packets for the 300 s UDP timeout, so DNS lookups time out for five minutes.
 */
export const ipvsUdpTimeout = defineFact({
  id: 'ipvsUdpTimeout',
  subject: 'Cluster',
  description:
    'kube-proxy mode and ipvs.udpTimeout of the worker kube-proxy config, the UDP timeout `ipvsadm -L --timeout` shows on nodes, whether CoreDNS/kube-dns runs, and which fix the Kubernetes version allows (udpTimeout from 1.18, ipvsadm --set before).',
  reads: ['ConfigMap kube-system/kube-proxy-worker (or kube-proxy) key config.conf', 'nodes/<node>/ipvsadm-timeout', 'kube-system pods labelled k8s-app=kube-dns, Service kube-system/kube-dns', 'cluster.kubernetesVersion'],
  compute: (_cluster, index) => {
    const config = workerKubeProxyConfig(index);
    if (!config) throw new MissingDataError(kubeProxyConfigCapture);
    const proxy = config.result.value;
    if (!proxy.valid && proxy.mode === undefined) {
      throw new MissingDataError(`a readable kube-proxy config (${config.text.source.object} key config.conf does not parse; see diagnostics)`);
    }
    const captured = index.snapshot.captured;
    if (!captured.includes('Pod') && !captured.includes('Service')) {
      throw new MissingDataError('kubectl get pods -A -o json > pods.json (to see whether CoreDNS runs)');
    }
    const version = index.snapshot.cluster.kubernetesVersion?.value;
    if (version === undefined || !isValidVersion(version)) throw new MissingDataError(requirementsById.get('cluster.kubernetesVersion')!.capture);
    const dnsPods = podsWithLabel(index, 'kube-system', 'k8s-app', 'kube-dns');
    const dnsService = index.servicesByKey.get(objectKey('kube-system', 'kube-dns'));
    const configured = proxy.ipvs.udpTimeoutSeconds;
    // 0 (or unset) means "leave as-is": the kernel default stays in force.
    const configSeconds = configured !== undefined && configured > 0 ? configured : kernelDefaultUdpTimeout;
    const measured = index.snapshot.nodes.flatMap((node) => {
      const file = index.nodeOutputs(node.name)?.commands['ipvsadm-timeout'];
      const udp = file ? index.parsed(file, parseIpvsadmTimeout) : undefined;
      return file && udp?.udp !== undefined ? [{ node: node.name, udp: udp.udp, file: file.file, line: udp.line }] : [];
    });
    const at300 = measured.filter((m) => m.udp === kernelDefaultUdpTimeout);
    // A node's ipvsadm output is what is in force; without any, the config decides.
    const udpTimeout300 = measured.length > 0 ? at300.length > 0 : configSeconds === kernelDefaultUdpTimeout;
    const line = config.result.value.lines['ipvs.udpTimeout'] ?? config.result.value.lines.mode;
    const firstNode = at300[0];
    return {
      mode: proxy.mode ?? '',
      ipvs: proxy.mode === 'ipvs',
      configMap: config.text.source.object,
      udpTimeoutConfig: proxy.ipvs.udpTimeout ?? 'not set',
      udpTimeout300,
      udpTimeout: configured !== undefined && configured > 0 ? `${proxy.ipvs.udpTimeout} (ipvs.udpTimeout)` : `${kernelDefaultUdpTimeout}s (kernel default; ipvs.udpTimeout ${proxy.ipvs.udpTimeout ?? 'not set'})`,
      nodesAt300: at300.length > 0 ? at300.map((m) => m.node).join(', ') : measured.length > 0 ? 'no node' : 'not captured',
      nodesMeasured: measured.length,
      dns: dnsPods.length > 0 || dnsService !== undefined,
      dnsFrom: dnsPods.length > 0 ? `${dnsPods.length} CoreDNS/kube-dns pods (k8s-app=kube-dns)` : dnsService ? 'Service kube-system/kube-dns' : 'none',
      kubernetesVersion: version,
      udpTimeoutSupported: compareVersions(version, udpTimeoutSupportedFrom) >= 0,
      source: firstNode
        ? { file: firstNode.file, ...(firstNode.line === undefined ? {} : { line: firstNode.line }) }
        : { ...config.text.source, ...(line === undefined ? {} : { line }) },
    };
  },
});
