// Config texts: CNI configs, ConfigMap payloads (kube-proxy, ip-masq-agent, flannel, Terway), subnet.env.
import type { Parser } from '../define-parser.js';
import { cniConfigParser } from './cni-config.js';
import { flannelNetConfParser } from './flannel-net-conf.js';
import { ipMasqAgentConfigParser } from './ip-masq-agent-config.js';
import { kubeProxyConfigParser } from './kube-proxy-config.js';
import { subnetEnvParser } from './subnet-env.js';

export { parseCniConfig, cniConfigParser, type CniConfig } from './cni-config.js';
export { parseFlannelNetConf, flannelNetConfParser } from './flannel-net-conf.js';
export { parseIpMasqAgentConfig, ipMasqAgentConfigParser, type IpMasqAgentConfig } from './ip-masq-agent-config.js';
export { parseKubeProxyConfig, kubeProxyConfigParser, type KubeProxyConfig } from './kube-proxy-config.js';
export { parseSubnetEnv, subnetEnvParser } from './subnet-env.js';
export { parseTerwayEniConfig, type TerwayEniConfig } from './terway-eni-config.js';

export const configsParsers = [cniConfigParser, flannelNetConfParser, ipMasqAgentConfigParser, kubeProxyConfigParser, subnetEnvParser] as readonly Parser<unknown>[];
