/**
 * The Kubernetes objects rules read, fetched cluster-wide as JSON Lists under the
 * file names of the snapshot layout. Secrets are never fetched (no rule needs them);
 * ConfigMaps only in the namespaces where the network components keep theirs.
 */
export interface ObjectKind {
  resource: string;
  file: string;
  /** Namespaced kinds are fetched with `-A` unless `namespaces` narrows them. */
  namespaced: boolean;
  namespaces?: readonly string[];
}

export const objectKinds: readonly ObjectKind[] = [
  { resource: 'nodes', file: 'nodes.json', namespaced: false },
  { resource: 'namespaces', file: 'namespaces.json', namespaced: false },
  { resource: 'pods', file: 'pods.json', namespaced: true },
  { resource: 'services', file: 'services.json', namespaced: true },
  { resource: 'endpoints', file: 'endpoints.json', namespaced: true },
  { resource: 'endpointslices.discovery.k8s.io', file: 'endpointslices.json', namespaced: true },
  { resource: 'events', file: 'events.json', namespaced: true },
  { resource: 'ingresses.networking.k8s.io', file: 'ingresses.json', namespaced: true },
  { resource: 'networkpolicies.networking.k8s.io', file: 'networkpolicies.json', namespaced: true },
  { resource: 'daemonsets.apps', file: 'daemonsets.json', namespaced: true },
  { resource: 'deployments.apps', file: 'deployments.json', namespaced: true },
  // kube-proxy, kube-flannel-cfg, eni-config, ip-masq-agent … live here (upstream Flannel ≥ 0.20 in kube-flannel).
  { resource: 'configmaps', file: 'configmaps.json', namespaced: true, namespaces: ['kube-system'] },
  { resource: 'configmaps', file: 'kube-flannel/configmaps.json', namespaced: true, namespaces: ['kube-flannel'] },
];

/** `kubectl get` arguments for one kind and namespace (or all namespaces). */
export function getArgs(kind: ObjectKind, namespace: string | undefined, chunkSize: number): string[] {
  const scope = !kind.namespaced ? [] : namespace ? ['-n', namespace] : ['-A'];
  return ['get', kind.resource, ...scope, '-o', 'json', `--chunk-size=${chunkSize}`];
}
