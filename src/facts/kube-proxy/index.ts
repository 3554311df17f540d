// kube-proxy forwarding: its config, mode, and the iptables / IPVS rules it left on nodes.
import type { Fact } from '../define.js';
import { nodeKubeProxyRules } from './node-kube-proxy-rules.js';
import { serviceKubeProxyRules } from './service-kube-proxy-rules.js';
import { ipvsUdpTimeout } from './ipvs-udp-timeout.js';
import { kubeProxyConfigValidity } from './kube-proxy-config-validity.js';
import { kubeProxyIpvsScheduler } from './kube-proxy-ipvs-scheduler.js';
import { nodeIpvsModules } from './node-ipvs-modules.js';

export const kubeProxyFacts = [
  nodeKubeProxyRules,
  serviceKubeProxyRules,
  ipvsUdpTimeout,
  kubeProxyConfigValidity,
  kubeProxyIpvsScheduler,
  nodeIpvsModules,
] as Fact[];
