// Windows nodes: HNS networks and endpoints, CNI ExceptionList, SourceVip.
import type { Fact } from '../define.js';
import { apiServerConnection } from './api-server-connection.js';
import { azureHostGwRoute } from './azure-host-gw-route.js';
import { kubeSystemPodHealth } from './kube-system-pod-health.js';
import { vsphereVxlanPort } from './vsphere-vxlan-port.js';
import { windowsCniPluginVersion } from './windows-cni-plugin-version.js';
import { windowsEndpointLeakVersions } from './windows-endpoint-leak-versions.js';
import { windowsExceptionList } from './windows-exception-list.js';
import { windowsExceptionListExternal } from './windows-exception-list-external.js';
import { windowsExceptionListTooBroad } from './windows-exception-list-too-broad.js';
import { windowsFlanneldWaiting } from './windows-flanneld-waiting.js';
import { windowsFlannelSubnetEnv } from './windows-flannel-subnet-env.js';
import { windowsHostPortCni } from './windows-host-port-cni.js';
import { windowsHnsNetworks } from './windows-hns-networks.js';
import { windowsHnsStaleObjects } from './windows-hns-stale-objects.js';
import { windowsIpamExhaustion } from './windows-ipam-exhaustion.js';
import { windowsKubeProxyHostnameOverride } from './windows-kube-proxy-hostname-override.js';
import { windowsNodeComponents } from './windows-node-components.js';
import { windowsNodePortContext } from './windows-node-port-context.js';
import { windowsNodeReady } from './windows-node-ready.js';
import { windowsNodesPresent } from './windows-nodes-present.js';
import { windowsOsBuild } from './windows-os-build.js';
import { windowsPodStartup } from './windows-pod-startup.js';
import { windowsPortPool } from './windows-port-pool.js';
import { windowsSourceVip } from './windows-source-vip.js';

export const windowsFacts = [
  apiServerConnection,
  azureHostGwRoute,
  kubeSystemPodHealth,
  vsphereVxlanPort,
  windowsCniPluginVersion,
  windowsEndpointLeakVersions,
  windowsExceptionList,
  windowsExceptionListExternal,
  windowsExceptionListTooBroad,
  windowsFlanneldWaiting,
  windowsFlannelSubnetEnv,
  windowsHnsNetworks,
  windowsHostPortCni,
  windowsHnsStaleObjects,
  windowsIpamExhaustion,
  windowsKubeProxyHostnameOverride,
  windowsNodeComponents,
  windowsNodePortContext,
  windowsNodeReady,
  windowsNodesPresent,
  windowsOsBuild,
  windowsPodStartup,
  windowsPortPool,
  windowsSourceVip,
] as Fact[];
