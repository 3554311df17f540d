import { fieldsOf, managedField, metadata, timeAgo } from './meta.js';
import type { Plan, PlannedPod } from './plan.js';
import type { Random } from './random.js';

const flannelImage = 'registry-vpc.cn-hangzhou.aliyuncs.com/acs/flannel:v0.15.1.22-20a397e6-aliyun';
export const daemonSetImages: Record<string, Array<[string, string]>> = {
  'kube-flannel-ds': [['kube-flannel', flannelImage]],
  'kube-proxy-worker': [['kube-proxy-worker', 'registry-vpc.cn-hangzhou.aliyuncs.com/acs/kube-proxy:v1.26.3-aliyun.1']],
  'node-exporter': [['node-exporter', 'quay.io/prometheus/node-exporter:v1.5.0']],
  'calico-node': [['calico-node', 'icr.io/calico/node:v3.26.4']],
  'ibm-keepalived-watcher': [['keepalived-watcher', 'icr.io/armada-master/keepalived-watcher:1593']],
};

const corednsPorts = [{ containerPort: 53, name: 'dns', protocol: 'UDP' }, { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' }, { containerPort: 9153, name: 'metrics', protocol: 'TCP' }];

const tolerations = [
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
];

function containerFields(name: string, port: number) {
  return {
    [`k:{"name":"${name}"}`]: {
      '.': {}, 'f:image': {}, 'f:imagePullPolicy': {}, 'f:name': {},
      'f:ports': { '.': {}, [`k:{"containerPort":${port},"protocol":"TCP"}`]: { '.': {}, 'f:containerPort': {}, 'f:name': {}, 'f:protocol': {} } },
      'f:readinessProbe': { '.': {}, 'f:httpGet': { '.': {}, 'f:path': {}, 'f:port': {} } },
      'f:resources': { '.': {}, 'f:limits': { '.': {}, 'f:memory': {} }, 'f:requests': { '.': {}, 'f:cpu': {} } },
    },
  };
}

function statusFields(ip: string) {
  const condition = { '.': {}, 'f:lastProbeTime': {}, 'f:lastTransitionTime': {}, 'f:status': {}, 'f:type': {} };
  return {
    'f:status': {
      'f:conditions': { 'k:{"type":"ContainersReady"}': condition, 'k:{"type":"Initialized"}': condition, 'k:{"type":"Ready"}': condition },
      'f:containerStatuses': {}, 'f:hostIP': {}, 'f:phase': {}, 'f:podIP': {}, 'f:podIPs': { '.': {}, [`k:{"ip":"${ip}"}`]: { '.': {}, 'f:ip': {} } }, 'f:startTime': {},
    },
  };
}

function probe(port: number) {
  return { failureThreshold: 3, httpGet: { path: '/healthz', port, scheme: 'HTTP' }, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 };
}

/** One Pod as `kubectl get pods -A -o json` prints it: full spec, status and managedFields. */
export function pod(rnd: Random, plan: Plan, p: PlannedPod) {
  const node = plan.nodes[p.node]!;
  const ds = 'daemonSet' in p.owner ? p.owner.daemonSet : undefined;
  const deployment = 'deployment' in p.owner ? plan.deployments[p.owner.deployment]! : undefined;
  const app = ds ?? deployment!.name;
  const labels: Record<string, string> = ds
    ? { app: ds === 'kube-flannel-ds' ? 'flannel' : ds, ...(ds === 'calico-node' ? { 'k8s-app': 'calico-node' } : {}), 'controller-revision-hash': '6d9c8b7f4', 'pod-template-generation': '3' }
    : deployment!.name === 'coredns' ? { 'k8s-app': 'kube-dns', 'pod-template-hash': deployment!.hash } : { app, 'pod-template-hash': deployment!.hash, version: 'v1' };
  const containers = ds ? daemonSetImages[ds]! : [[deployment!.name === 'coredns' ? 'coredns' : 'app', deployment!.image] as [string, string]];
  const port = deployment?.port ?? 9100;
  const created = timeAgo(rnd.int(3600, 90 * 86400));
  const token = `kube-api-access-${rnd.suffix(5)}`;
  const owner = ds
    ? { apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds, uid: rnd.uid() }
    : { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${deployment!.name}-${deployment!.hash}`, uid: rnd.uid() };
  const running = p.ready && !p.pending;
  const restarts = deployment?.crashLoop ? rnd.int(20, 400) : rnd.chance(0.05) ? rnd.int(1, 3) : 0;
  const cond = (type: string, ok: boolean) => ({ lastProbeTime: null, lastTransitionTime: created, ...(ok ? {} : { message: `containers with unready status: [${containers[0]![0]}]`, reason: 'ContainersNotReady' }), status: ok ? 'True' : 'False', type });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: metadata(rnd, {
      name: p.name,
      namespace: p.namespace,
      labels,
      annotations: ds ? { 'kubernetes.io/psp': 'ack.privileged' } : { 'kubernetes.io/psp': 'ack.privileged', 'prometheus.io/port': String(port), 'prometheus.io/scrape': 'true' },
      owner,
      generateName: `${owner.name}-`,
      created,
      managedFields: [
        managedField('kube-controller-manager', 'Update', created, {
          'f:metadata': { 'f:annotations': fieldsOf(['prometheus.io/port', 'prometheus.io/scrape']), 'f:generateName': {}, 'f:labels': fieldsOf(Object.keys(labels)), 'f:ownerReferences': { '.': {}, [`k:{"uid":"${owner.uid}"}`]: {} } },
          'f:spec': { 'f:containers': containerFields(containers[0]![0], port), 'f:dnsPolicy': {}, 'f:enableServiceLinks': {}, 'f:restartPolicy': {}, 'f:schedulerName': {}, 'f:securityContext': {}, 'f:terminationGracePeriodSeconds': {} },
        }),
        managedField('kubelet', 'Update', created, statusFields(p.ip || node.ip), 'status'),
      ],
    }),
    spec: {
      containers: containers.map(([name, image]) => ({
        image,
        imagePullPolicy: 'IfNotPresent',
        name,
        ports: deployment?.name === 'coredns' ? corednsPorts : [{ containerPort: port, name: 'http', protocol: 'TCP' }, ...(deployment?.extraPorts ?? []).map((x) => ({ containerPort: x.port, name: x.name, protocol: 'TCP' }))],
        readinessProbe: probe(port),
        resources: { limits: { memory: '2Gi' }, requests: { cpu: '500m' } },
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: token, readOnly: true }],
      })),
      dnsPolicy: ds ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
      enableServiceLinks: true,
      ...(p.hostNetwork ? { hostNetwork: true } : {}),
      nodeName: node.name,
      // DaemonSets and Linux workloads stay off the Windows pool; Windows containers only run there.
      ...(ds || node.os === 'windows' ? { nodeSelector: { 'kubernetes.io/os': node.os } } : {}),
      preemptionPolicy: 'PreemptLowerPriority',
      priority: ds ? 2000001000 : 0,
      ...(ds ? { priorityClassName: 'system-node-critical' } : {}),
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: ds ?? 'default',
      serviceAccountName: ds ?? 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: ds ? [{ operator: 'Exists' }, ...tolerations] : tolerations,
      volumes: [{
        name: token,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
          ],
        },
      }],
    },
    status: {
      conditions: [cond('Initialized', true), cond('Ready', running), cond('ContainersReady', running), cond('PodScheduled', true)],
      containerStatuses: containers.map(([name, image]) => ({
        ...(p.pending ? {} : { containerID: `containerd://${rnd.hex(64)}` }),
        image,
        imageID: p.pending ? '' : `${image.split(':')[0]}@sha256:${rnd.hex(64)}`,
        lastState: restarts > 0 && !p.pending ? { terminated: { containerID: `containerd://${rnd.hex(64)}`, exitCode: deployment?.crashLoop ? 1 : 137, finishedAt: created, reason: deployment?.crashLoop ? 'Error' : 'OOMKilled', startedAt: created } } : {},
        name,
        ready: running,
        restartCount: restarts,
        started: running,
        state: p.pending ? { waiting: { reason: 'ContainerCreating' } } : running ? { running: { startedAt: created } } : { waiting: { message: `back-off 5m0s restarting failed container=${name} pod=${p.name}_${p.namespace}`, reason: 'CrashLoopBackOff' } },
      })),
      hostIP: node.ip,
      phase: p.pending ? 'Pending' : 'Running',
      ...(p.ip ? { podIP: p.ip, podIPs: [{ ip: p.ip }] } : {}),
      qosClass: 'Burstable',
      startTime: created,
    },
  };
}
