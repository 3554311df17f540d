import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';
import { windowsNodeProcesses } from './node-processes.js';

/**
 * Whether kube-proxy on a Windows node sets `--hostname-override` (經過一段時間之後,容器的 vNIC 和 HNS
 * 端點將會遭到刪除). Only a whole command line answers it: a line the capture cut off, or a kube-proxy
 * that reads `--config <file>` (where `hostnameOverride` may be set, in a file a snapshot does not hold),
 * makes the node not evaluated rather than a finding. `set` is null where kube-proxy does not run
 * (win-node-components reports that).
 */
export const windowsKubeProxyHostnameOverride = defineFact({
  id: 'windowsKubeProxyHostnameOverride',
  subject: 'Node',
  description:
    'Whether kube-proxy sets --hostname-override on its command line (set: true/false; null when kube-proxy does not run on the node). Not evaluated when the process list cut its line off or kube-proxy reads --config.',
  reads: ['nodes/<node>/processes'],
  compute: (node, index) => {
    const { file, processes } = windowsNodeProcesses(index, node.name);
    const proxy = processes.find((p) => p.command === 'kube-proxy');
    const source = { file: file.file, ...(proxy ? { line: proxy.line } : {}) };
    if (!proxy) return { set: null, source };
    if (proxy.flags['hostname-override'] !== undefined) return { set: true, source };
    if (proxy.truncated) {
      throw new MissingDataError(`${file.file}, line ${proxy.line}: kube-proxy's whole command line (the capture cut it off; Get-CimInstance Win32_Process | Select ProcessId,CommandLine | ConvertTo-Json keeps lines whole)`);
    }
    const config = proxy.flags['config'];
    if (config !== undefined) {
      throw new MissingDataError(`the file kube-proxy reads with --config ${String(config)} (${file.file}, line ${proxy.line}): hostnameOverride may be set there, and a snapshot does not hold that file — look for hostnameOverride in it`);
    }
    return { set: false, source };
  },
});
