import { MissingDataError } from '../../errors.js';
import { compareVersions, isValidVersion } from '../../versions/compare-versions.js';
import { defineFact } from '../define.js';

/** 我的端點/IP 正在外泄: avoid Kubernetes 1.11.0 - 1.11.2; Docker EE 18.09 or later has the endpoint-store fix. */
export const LEAKY_KUBERNETES = ['1.11.0', '1.11.2'] as const;
export const DOCKER_FIX = '18.09';

/**
 * Kubelet and Docker versions of a Windows node against the two known endpoint-leak causes of the guide.
 * Only `docker://` runtimes are compared with Docker EE 18.09; containerd and others are not concerned.
 */
export const windowsEndpointLeakVersions = defineFact({
  id: 'windowsEndpointLeakVersions',
  subject: 'Node',
  description: 'The node\'s kubelet version and whether it is 1.11.0–1.11.2; its container runtime and whether it is Docker below 18.09.',
  reads: ['Node status.nodeInfo.kubeletVersion', 'Node status.nodeInfo.containerRuntimeVersion'],
  compute: (node) => {
    if (!node.kubeletVersion && !node.containerRuntimeVersion) {
      throw new MissingDataError('status.nodeInfo (kubeletVersion, containerRuntimeVersion) of the Windows nodes: kubectl get nodes -o json');
    }
    const kubelet = (node.kubeletVersion ?? '').replace(/^v/, '');
    const leakyKubernetes =
      isValidVersion(kubelet) && compareVersions(kubelet, LEAKY_KUBERNETES[0]) >= 0 && compareVersions(kubelet, LEAKY_KUBERNETES[1]) <= 0 && /^1\.11\.\d+$/.test(kubelet.split(/[-+]/)[0] ?? '');
    const runtime = node.containerRuntimeVersion ?? '';
    const docker = /^docker:\/\/(.+)$/.exec(runtime)?.[1];
    const oldDocker = docker !== undefined && isValidVersion(docker) && compareVersions(docker, DOCKER_FIX) < 0;
    return {
      kubeletVersion: node.kubeletVersion ?? 'not reported',
      runtime: runtime || 'not reported',
      leakyKubernetes,
      oldDocker,
      source: node.source,
    };
  },
});
