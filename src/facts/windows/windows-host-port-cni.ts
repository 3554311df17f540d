import { defineFact } from '../define.js';
import { hostPortsOf } from '../cni/pod-host-ports.js';
import { windowsCniConfig } from './windows-exception-list.js';

/**
 * HostPort publishing on Windows (HostPort 發佈無法運作): the CNI config of the pod's node must set
 * `"capabilities": {"portMappings": true}` (and the plugin be v0.8.6 or later — no capture gives the plugin
 * version yet, so only the capability is checked).
 */
export const windowsHostPortCni = defineFact({
  id: 'windowsHostPortCni',
  subject: 'Pod',
  description: 'The hostPorts a pod on a Windows node asks for, and whether its node\'s Windows CNI config sets capabilities.portMappings: true.',
  reads: ['Pod spec.containers[].ports[].hostPort', 'nodes/<node>/cni/* of the pod\'s node'],
  compute: (pod, index) => {
    const { file, config } = windowsCniConfig(index, pod.nodeName ?? '');
    return { hostPorts: hostPortsOf(pod).join(', '), portMappings: config.portMappings, cniFile: file.file, source: { file: file.file } };
  },
});
