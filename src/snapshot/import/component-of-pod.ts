import type { PodObject } from '../objects.js';

/**
 * The node component a pod's container is, as the node-log rules name it
 * (`nodes/<node>/logs/<component>.log`), or undefined for a container whose log no
 * rule reads. Names follow the manifests the vendors ship: kube-proxy (Linux and the
 * Windows DaemonSet), flannel (`kube-flannel` container, also on Windows), Terway,
 * calico-node, ingress-nginx's `controller`, Rancher's agents, cloud controller
 * managers, and k3s' built-in ServiceLB (`svclb-*`) and Traefik ingress.
 */
export function componentOfContainer(pod: Pick<PodObject, 'name' | 'labels' | 'containers'>, container: string): string | undefined {
  const image = pod.containers.find((c) => c.name === container)?.image ?? '';
  const name = pod.name;
  if (container === 'kube-proxy' || (/^kube-proxy/.test(name) && /kube-proxy/.test(image))) return 'kube-proxy';
  if (/^(kube-)?flannel(d)?$/.test(container) || (/flannel/.test(name) && /flannel/.test(image) && !/install-cni/.test(container))) return 'flanneld';
  if (container === 'terway' || (/^terway/.test(name) && container.startsWith('terway') && !container.endsWith('init'))) return 'terway';
  if (container === 'calico-node') return 'calico-node';
  if (/ingress-nginx|nginx-ingress/.test(image) || (container === 'controller' && /ingress-nginx|nginx-ingress/.test(name))) return 'ingress-nginx';
  if (/^cattle-(node|cluster)-agent/.test(name) || /rancher\/rancher-agent/.test(image)) return 'rancher-agent';
  if (/cloud-controller-manager/.test(container) || /cloud-controller-manager/.test(name)) return 'cloud-controller-manager';
  if (/^svclb-/.test(name)) return `svclb-${container}`;
  if (container === 'traefik' || /(^|\/)traefik:/.test(image)) return 'traefik';
  return undefined;
}
