import { planImport } from '../import/plan-import.js';

/** Folders of the snapshot.md layout: an archive of only one of them is a snapshot without a top folder. */
const layoutFolders = new Set(['nodes', 'cloud', 'cluster']);

/**
 * The one folder every entry of an archive lies in, when the snapshot starts inside it
 * (`tar czf snap.tar.gz snap/` gives `snap/nodes.json`, `snap/cloud/…`, `snap/snapshot.yaml`):
 * the archive reads as that folder would. Undefined when the entries do not share one
 * folder, when that folder is a folder of the layout itself (`nodes/`), when nothing
 * below it looks like a snapshot's root, or when the entries are a capture read by its
 * own layout (a support bundle's `support-bundle-…/`, a cluster-info dump's folder).
 */
export function archiveRootFolder(paths: readonly string[]): string | undefined {
  const first = paths[0]?.split('/')[0];
  if (first === undefined || layoutFolders.has(first)) return undefined;
  const prefix = `${first}/`;
  if (!paths.every((p) => p.startsWith(prefix))) return undefined;
  if (planImport(paths).format !== 'snapshot') return undefined;
  const inside = paths.map((p) => p.slice(prefix.length));
  const looksLikeRoot = inside.some((p) => p === 'snapshot.yaml' || /^[^/]+\.(json|ya?ml)$/i.test(p) || layoutFolders.has(p.split('/')[0] ?? ''));
  return looksLikeRoot && planImport(inside).format === 'snapshot' ? prefix : undefined;
}
