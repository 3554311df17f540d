import { defineFact } from '../define.js';
import { windowsNodeProcesses } from './node-processes.js';

/**
 * The Windows guide (如何? 知道 Windows 上的 Kubernetes 已成功完成嗎?): kubelet, kube-proxy and — when
 * Flannel is the network solution — flanneld must run on the node (whether kube-proxy sets
 * `--hostname-override` is windowsKubeProxyHostnameOverride). Read from the node's
 * process list: `ps -eo pid,args` or `Get-CimInstance Win32_Process | Select ProcessId,CommandLine`.
 */
export const windowsNodeComponents = defineFact({
  id: 'windowsNodeComponents',
  subject: 'Node',
  description:
    'Which of kubelet, kube-proxy and flanneld (only when the cluster CNI is flannel) run on the node (processes), the missing ones, and whether it runs in DSR mode (--enable-dsr).',
  reads: ['nodes/<node>/processes', 'cluster.cni'],
  compute: (node, index) => {
    const { file, processes } = windowsNodeProcesses(index, node.name);
    const flannel = index.snapshot.cluster.cni?.value === 'flannel';
    const expected = ['kubelet', 'kube-proxy', ...(flannel ? ['flanneld'] : [])];
    const find = (name: string) => processes.find((p) => p.command === name);
    const missing = expected.filter((name) => !find(name));
    const proxy = find('kube-proxy');
    const dsr = proxy?.flags['enable-dsr'];
    return {
      expected,
      running: expected.filter((name) => find(name)),
      missing,
      missingCount: missing.length,
      kubeProxyRunning: proxy !== undefined,
      kubeProxyDsr: proxy === undefined ? null : dsr === true || dsr === 'true',
      source: { file: file.file, ...(proxy ? { line: proxy.line } : {}) },
    };
  },
});
