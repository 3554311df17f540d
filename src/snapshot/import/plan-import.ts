import type { FileRole } from '../classify-file.js';

/**
 * Captures people already hold, recognised by their file layout, and where each of
 * their files belongs. A directory in the snapshot.md layout needs no plan.
 *
 * - `kubectl cluster-info dump --output-directory=<dir>`: `nodes.json`, then per
 *   namespace `<ns>/{events,replication-controllers,services,daemonsets,deployments,
 *   replicasets,pods}.json` and `<ns>/<pod>/logs.txt` (extension `.yaml` with `-o yaml`).
 * - troubleshoot.sh support bundles: `cluster-resources/<kind>.json` (cluster-scoped),
 *   `cluster-resources/<kind>/<namespace>.json`, and container logs at
 *   `cluster-resources/pods/logs/<ns>/<pod>/<container>[-previous].log`; usually below one
 *   top folder (`support-bundle-2024-…/`).
 */
export type ImportFormat = 'snapshot' | 'cluster-info-dump' | 'support-bundle';

export interface ImportPlan {
  format: ImportFormat;
  /** Folder the capture starts in (`''` or `support-bundle/`). */
  prefix: string;
  /** Role of a file of the capture; undefined means "classify as snapshot.md says". */
  roleOf(path: string): FileRole | undefined;
}

const none: ImportPlan = { format: 'snapshot', prefix: '', roleOf: () => undefined };

export function planImport(paths: readonly string[]): ImportPlan {
  return supportBundlePlan(paths) ?? clusterInfoDumpPlan(paths) ?? none;
}

/** Kinds of a support bundle's `cluster-resources/` that rules read (folder or file stem). */
const bundleKinds = new Set([
  'nodes', 'namespaces', 'pods', 'services', 'endpoints', 'endpointslices', 'configmaps', 'events',
  'ingress', 'network-policy', 'daemonsets', 'deployments',
]);

function supportBundlePlan(paths: readonly string[]): ImportPlan | undefined {
  let prefix: string | undefined;
  for (const path of paths) {
    const parts = path.split('/');
    const at = parts.indexOf('cluster-resources');
    if (at === 0 || at === 1) {
      prefix = parts.slice(0, at).map((p) => `${p}/`).join('');
      break;
    }
  }
  if (prefix === undefined) return undefined;
  const root = prefix;
  // What troubleshoot.sh always writes beside cluster-resources/ (version.yaml since v0.13,
  // cluster-info/), so a snapshot directory that merely has a cluster-resources/ folder is not taken for a bundle.
  const inBundle = paths.filter((p) => p.startsWith(root)).map((p) => p.slice(root.length));
  if (!inBundle.some((p) => p === 'version.yaml' || p.startsWith('cluster-info/') || p.startsWith('cluster-resources/pods/logs/'))) return undefined;
  if (!inBundle.some((p) => /^cluster-resources\/(nodes\.json|namespaces\.json|pods\/)/.test(p))) return undefined;
  return {
    format: 'support-bundle',
    prefix: root,
    roleOf(path) {
      if (!path.startsWith(root)) return undefined;
      const rest = path.slice(root.length).split('/');
      // troubleshoot's host collectors (pkg/collect/host_run.go, host_os_info.go).
      if (rest[0] === 'host-collectors') {
        const run = /^run-host\/([^/]+?)\.txt$/.exec(rest.slice(1).join('/'));
        if (run && !/-(info|stderr)$/.test(run[1] ?? '')) return { role: 'host-output', name: run[1] ?? '' };
        if (rest.slice(1).join('/') === 'system/hostos_info.json') return { role: 'host-info' };
      }
      if (rest[0] !== 'cluster-resources') {
        return { role: 'skipped', why: 'support bundle: outputs of collectors kube-netdoctor does not read' };
      }
      const log = /^pods\/logs\/([^/]+)\/([^/]+)\/(.+?)(-previous)?\.log$/.exec(rest.slice(1).join('/'));
      if (log) return { role: 'pod-logs', namespace: log[1] ?? '', pod: log[2] ?? '', container: log[3] ?? '', previous: log[4] !== undefined };
      const kind = (rest[1] ?? '').replace(/\.(json|ya?ml)$/i, '');
      const isObjects = /\.(json|ya?ml)$/i.test(path) && rest.length <= 3;
      if (isObjects && bundleKinds.has(kind)) return { role: 'objects' };
      return { role: 'skipped', why: 'support bundle: cluster-resources of kinds no rule reads' };
    },
  };
}

function clusterInfoDumpPlan(paths: readonly string[]): ImportPlan | undefined {
  const nodes = paths.find((p) => /^([^/]+\/)?nodes\.(json|ya?ml)$/i.test(p));
  if (!nodes) return undefined;
  const root = nodes.slice(0, nodes.lastIndexOf('/') + 1);
  const inside = (p: string) => p.startsWith(root) && !p.slice(root.length).startsWith('nodes/');
  const marker = paths.some((p) => inside(p) && /^[^/]+\/(replication-controllers\.(json|ya?ml)|[^/]+\/logs\.txt)$/i.test(p.slice(root.length)));
  if (!marker) return undefined;
  return {
    format: 'cluster-info-dump',
    prefix: root,
    roleOf(path) {
      if (!path.startsWith(root)) return undefined;
      const rest = path.slice(root.length).split('/');
      if (rest.length === 1) return /\.(json|ya?ml)$/i.test(path) ? { role: 'objects' } : undefined;
      if (rest.length === 2 && /\.(json|ya?ml)$/i.test(path)) return { role: 'objects' };
      if (rest.length === 3 && rest[2] === 'logs.txt') return { role: 'pod-logs', namespace: rest[0] ?? '', pod: rest[1] ?? '' };
      return undefined;
    },
  };
}
