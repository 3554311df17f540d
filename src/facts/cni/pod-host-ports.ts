import type { PodObject } from '../../snapshot/objects.js';
import { defineFact } from '../define.js';
import { terwayPortmap } from '../terway/terway-portmap.js';

/** `nginx 8080->80/TCP` for every container port with a hostPort. Host-network pods are left out: the API server fills hostPort = containerPort for them. */
export function hostPortsOf(pod: PodObject): string[] {
  if (pod.hostNetwork) return [];
  return pod.containers.flatMap((c) =>
    c.ports.filter((p) => p.hostPort !== undefined && p.hostPort > 0).map((p) => `${c.name} ${p.hostPort}->${p.containerPort}/${p.protocol}`),
  );
}

/** Whether hostPortsOf(pod) is not empty, without building it (selectors ask it of every pod). */
export function hasHostPort(pod: PodObject): boolean {
  if (pod.hostNetwork) return false;
  for (const c of pod.containers) for (const p of c.ports) if (p.hostPort !== undefined && p.hostPort > 0) return true;
  return false;
}

/** ACK "ACK是否支持hostPort的端口映射?": only Flannel maps hostPorts; under Terway they are not reachable. */
export const podHostPorts = defineFact({
  id: 'podHostPorts',
  subject: 'Pod',
  description: 'The hostPort mappings a (non host-network) pod asks for, and whether Terway\'s CNI chain includes the portmap plugin that would honour them.',
  reads: ['Pod spec.containers[].ports[].hostPort', 'ConfigMap kube-system/eni-config keys 10-terway.conflist, cni_chain'],
  compute: (pod, index) => {
    const ports = hostPortsOf(pod);
    const chain = terwayPortmap(index);
    return {
      hostPortCount: ports.length,
      hostPorts: ports.join(', '),
      portmapChained: chain.portmap,
      portmapFrom: chain.from,
      source: pod.source,
    };
  },
});
