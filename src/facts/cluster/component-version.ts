import { imageTag } from '../../versions/compare-versions.js';
import type { Source } from '../../snapshot/source.js';
import type { SnapshotIndex } from '../snapshot-index.js';

export interface ComponentVersion {
  version: string;
  image: string;
  from: string;
  source: Source;
}

/**
 * The image tag of a kube-system component, read from its DaemonSet or, when
 * DaemonSets were not captured, from one of its pods. `namePattern` matches the
 * DaemonSet name (e.g. /flannel/ for `kube-flannel-ds`) and `container` the
 * container name (e.g. /^kube-flannel$|^flannel$/).
 */
export function componentVersion(index: SnapshotIndex, namePattern: RegExp, container: RegExp): ComponentVersion | undefined {
  for (const ds of index.snapshot.workloads) {
    if (ds.kind !== 'DaemonSet' || ds.namespace !== 'kube-system' || !namePattern.test(ds.name)) continue;
    const image = ds.images.find((i) => container.test(i.container))?.image;
    const version = image && imageTag(image);
    if (image && version) return { version, image, from: `image of DaemonSet kube-system/${ds.name}`, source: ds.source };
  }
  for (const pod of index.podsByNamespace.get('kube-system') ?? []) {
    if (pod.ownerKind !== 'DaemonSet' || !namePattern.test(pod.ownerName ?? '')) continue;
    const image = pod.containers.find((c) => container.test(c.name))?.image;
    const version = image && imageTag(image);
    if (image && version) return { version, image, from: `image of pod kube-system/${pod.name}`, source: pod.source };
  }
  return undefined;
}

export const flannelVersion = (index: SnapshotIndex) => componentVersion(index, /flannel/, /flannel/);
