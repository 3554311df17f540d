import { vlanIpConfigData } from './iks-objects.js';
import { fieldsOf, managedField, metadata, timeAgo } from './meta.js';
import type { Plan } from './plan.js';
import { daemonSetImages } from './pods.js';
import type { Random } from './random.js';

export const clusterCidr = '10.0.0.0/11';

/** Flannel's CNI config as ACK ships it since v0.15.1.11 (hairpin on, IPAM state on tmpfs). */
export const flannelCniConf = `{
  "name": "cb0",
  "cniVersion":"0.3.1",
  "plugins": [
    {
      "type": "flannel",
      "delegate": {
        "isDefaultGateway": true,
        "hairpinMode": true
       },
      "dataDir": "/var/run/cni/flannel",
      "ipam": {
        "type": "host-local",
        "dataDir": "/var/run/cni/networks"
       }
    },
    {
      "type": "portmap",
      "capabilities": {
        "portMappings": true
      },
      "externalSetMarkChain": "KUBE-MARK-MASQ"
    }
  ]
}
`;

// With Windows nodes, flannel's VXLAN uses the VNI and port Windows requires (4096, 4789).
const netConf = (plan: Plan) =>
  plan.windowsCount > 0
    ? `{\n  "Network": "${clusterCidr}",\n  "Backend": {\n    "Type": "vxlan",\n    "VNI": 4096,\n    "Port": 4789\n  }\n}\n`
    : `{\n  "Network": "${clusterCidr}",\n  "Backend": {\n    "Type": "vxlan"\n  }\n}\n`;

const kubeProxyConf = (mode: string) => `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
bindAddress: 0.0.0.0
clientConnection:
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
clusterCIDR: ${clusterCidr}
conntrack:
  maxPerCore: 65536
  min: 131072
mode: ${mode}
${mode === 'ipvs' ? 'ipvs:\n  scheduler: rr\n  udpTimeout: 10s\n' : ''}`;

const caCrt = `-----BEGIN CERTIFICATE-----\n${Array.from({ length: 18 }, (_, k) => 'MIIDGjCCAgKgAwIBAgIUYk9vbW9rZS1jbHVzdGVyLWNhLWNlcnQtZm9yLWJlbmNo'.slice(k % 7)).join('\n')}\n-----END CERTIFICATE-----\n`;

function configMap(rnd: Random, namespace: string, name: string, data: Record<string, string>, labels?: Record<string, string>) {
  const created = timeAgo(rnd.int(86400, 300 * 86400));
  return {
    apiVersion: 'v1',
    data,
    kind: 'ConfigMap',
    metadata: metadata(rnd, { name, namespace, ...(labels ? { labels } : {}), created, managedFields: [managedField('kubectl-client-side-apply', 'Update', created, { 'f:data': fieldsOf(Object.keys(data)) })] }),
  };
}

/** kube-system's network ConfigMaps, a `kube-root-ca.crt` per namespace, then application configs up to `count`. */
export function* configMaps(rnd: Random, plan: Plan): Generator<object> {
  const iks = plan.iks;
  if (iks) {
    yield configMap(rnd, 'kube-system', 'ibm-cloud-provider-vlan-ip-config', vlanIpConfigData(iks));
  } else {
    yield configMap(rnd, 'kube-system', 'kube-flannel-cfg', { 'cni-conf.json': flannelCniConf, 'net-conf.json': netConf(plan) }, { app: 'flannel', tier: 'node' });
    yield configMap(rnd, 'kube-system', 'kube-proxy-worker', { 'config.conf': kubeProxyConf(plan.proxyMode === 'ipvs' ? 'ipvs' : 'iptables') });
    yield configMap(rnd, 'kube-system', 'ip-masq-agent-config', { config: 'nonMasqueradeCIDRs:\n  - 10.0.0.0/8\n  - 172.16.0.0/12\nmasqLinkLocal: false\nresyncInterval: 60s\n' });
  }
  yield configMap(rnd, 'kube-system', 'coredns', { Corefile: '.:53 {\n    errors\n    health {\n      lameduck 15s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n      pods verified\n      fallthrough in-addr.arpa ip6.arpa\n      ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n' });
  let made = iks ? 2 : 4;
  for (const namespace of ['default', 'kube-node-lease', 'kube-public', 'kube-system', ...plan.namespaces]) {
    yield configMap(rnd, namespace, 'kube-root-ca.crt', { 'ca.crt': caCrt });
    made++;
  }
  for (let k = 0; made < plan.counts.configMaps; k++, made++) {
    const namespace = plan.namespaces[k % plan.namespaces.length]!;
    const name = `app-config-${k}`;
    const [db, redis] = iks ? [`${rnd.hex(8)}-${rnd.hex(4)}.${rnd.hex(12)}.databases.appdomain.cloud`, `${rnd.hex(8)}-${rnd.hex(4)}.${rnd.hex(12)}.databases.appdomain.cloud`] : [`rm-bp1${rnd.hex(12)}.mysql.rds.aliyuncs.com`, `r-bp1${rnd.hex(12)}.redis.rds.aliyuncs.com`];
    const yaml = `server:\n  port: 8080\n  shutdown: graceful\nspring:\n  datasource:\n    url: jdbc:mysql://${db}:3306/app_${k}\n    hikari:\n      maximum-pool-size: ${rnd.int(10, 50)}\n  redis:\n    host: ${redis}\nlogging:\n  level:\n    root: INFO\n`;
    yield configMap(rnd, namespace, name, { 'application.yaml': yaml, 'log4j2.xml': '<Configuration status="WARN"><Appenders><Console name="c"/></Appenders><Loggers><Root level="info"><AppenderRef ref="c"/></Root></Loggers></Configuration>\n' }, { app: name });
  }
}

export function daemonSet(rnd: Random, plan: Plan, name: string) {
  const created = timeAgo(rnd.int(86400, 300 * 86400));
  const labels = { app: name === 'kube-flannel-ds' ? 'flannel' : name };
  const n = plan.nodes.filter((node) => node.os === 'linux').length;
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: metadata(rnd, { name, namespace: 'kube-system', labels, annotations: { 'deprecated.daemonset.template.generation': '3' }, created, managedFields: [] }),
    spec: {
      revisionHistoryLimit: 10,
      selector: { matchLabels: labels },
      template: {
        metadata: { creationTimestamp: null, labels },
        spec: {
          containers: daemonSetImages[name]!.map(([container, image]) => ({ image, imagePullPolicy: 'IfNotPresent', name: container, resources: { requests: { cpu: '100m', memory: '100Mi' } } })),
          hostNetwork: true,
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          priorityClassName: 'system-node-critical',
          serviceAccountName: name,
          tolerations: [{ operator: 'Exists' }],
        },
      },
      updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: '10%' }, type: 'RollingUpdate' },
    },
    status: { currentNumberScheduled: n, desiredNumberScheduled: n, numberAvailable: n, numberMisscheduled: 0, numberReady: n, observedGeneration: 3, updatedNumberScheduled: n },
  };
}
