/// <reference types="node" />
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from './files-under.js';
import { configMaps, daemonSet, flannelCniConf } from './gen/cluster-objects.js';
import { events } from './gen/events.js';
import { ipvsModeRules, kubeProxyRules } from './gen/kube-proxy-rules.js';
import { ListWriter } from './gen/list-writer.js';
import { capturedAt } from './gen/meta.js';
import { dmesg, ipvsadm, iptablesSave, lsmod, subnetEnv } from './gen/node-outputs.js';
import { node } from './gen/nodes.js';
import { endpointSlice, endpoints, ingress, service } from './gen/network.js';
import { type ExpectedFinding, type Provider, type ProxyMode, clusterName, daemonSetsOf, planCluster } from './gen/plan.js';
import { windowsNodeFiles } from './gen/windows-outputs.js';
import { calicoCniConf, iksClusterFiles } from './gen/iks-objects.js';
import { pod } from './gen/pods.js';
import { Random } from './gen/random.js';

/** Bump when the generated content changes, so the bench does not reuse an old snapshot. */
export const generatorVersion = 4;

export interface GeneratedSnapshot {
  generatorVersion: number;
  scale: number;
  seed: number;
  proxyMode: ProxyMode;
  provider: Provider;
  /** The --windows-nodes option (a fraction of the nodes, or a count); the count made is in `objects.windowsNodes`. */
  windowsNodes: number;
  dir: string;
  objects: Record<string, number>;
  inputBytes: number;
  generateMs: number;
  expected: ExpectedFinding[];
}

/** By default ACK with 5 % Windows nodes; IKS has none. */
export const defaultWindowsNodes = (provider: Provider) => (provider === 'ack' ? 0.05 : 0);

export const defaultOutDir = (scale: number, seed: number, proxyMode: ProxyMode = 'both', provider: Provider = 'ack', windowsNodes = defaultWindowsNodes(provider)) =>
  join('bench', 'out', `scale-${scale}-seed-${seed}${proxyMode === 'both' ? '' : `-${proxyMode}`}${provider === 'ack' ? '' : `-${provider}`}${windowsNodes === defaultWindowsNodes(provider) ? '' : `-win${windowsNodes}`}`);
export const manifestPath = (dir: string) => `${dir.replace(/\/+$/, '')}.manifest.json`;

/**
 * Writes a snapshot directory of a cluster at `scale` of the largest one
 * Kubernetes supports, with a known set of problems sprinkled in, and a
 * manifest (`<dir>.manifest.json`, beside the directory) listing the findings
 * the built-in rules must produce. Deterministic for a scale and seed.
 */
export function generateSnapshot(options: { scale: number; seed: number; dir: string; proxyMode?: ProxyMode; provider?: Provider; windowsNodes?: number }): GeneratedSnapshot {
  const started = performance.now();
  const { scale, seed, dir, proxyMode = 'both', provider = 'ack' } = options;
  const windowsNodes = options.windowsNodes ?? defaultWindowsNodes(provider);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const plan = planCluster(scale, seed, { proxyMode, provider, windowsNodes });
  const objects: Record<string, number> = {};
  const list = (file: string, stream: number, items: (rnd: Random) => Iterable<object>) => {
    const writer = new ListWriter(join(dir, file));
    for (const item of items(new Random(seed * 1000 + stream))) writer.add(item);
    writer.close();
    objects[file.replace(/\.json$/, '')] = writer.items;
  };

  // IKS (custom --pod-subnet/--service-subnet): no flannel or kube-proxy ConfigMap names the pod range, so the manifest does.
  const cidrs = provider === 'iks' ? '  podCIDRs: [10.0.0.0/11]\n  serviceCIDRs: [172.16.0.0/16]\n  nodeCIDRs: [10.176.0.0/12]\n' : '  serviceCIDRs: [172.16.0.0/16]\n  nodeCIDRs: [192.168.0.0/16]\n';
  writeFileSync(join(dir, 'snapshot.yaml'), `name: ${clusterName(scale)}\ncapturedAt: ${capturedAt}\ncluster:\n${cidrs}  externalCIDRs:\n    - { cidr: 10.100.0.0/16, name: idc }\n`);
  list('nodes.json', 1, (rnd) => plan.nodes.map((n) => node(rnd, n, plan)));
  list('pods.json', 2, function* (rnd) {
    for (const p of plan.pods) yield pod(rnd, plan, p);
  });
  list('services.json', 3, (rnd) => plan.services.map((s) => service(rnd, s, provider)));
  list('endpoints.json', 4, (rnd) => plan.services.map((s) => endpoints(rnd, plan, s)));
  list('endpointslices.json', 5, (rnd) => plan.services.map((s) => endpointSlice(rnd, plan, s)));
  list('configmaps.json', 6, (rnd) => configMaps(rnd, plan));
  list('events.json', 7, (rnd) => events(rnd, plan));
  list('ingresses.json', 8, (rnd) => plan.ingresses.map((planned, k) => ingress(rnd, planned, k, plan)));
  list('daemonsets.json', 9, (rnd) => daemonSetsOf(provider).map((name) => daemonSet(rnd, plan, name)));
  // Captured, and empty: this cluster has no NetworkPolicy.
  list('networkpolicies.json', 12, () => []);
  list('namespaces.json', 10, () => ['default', ...(plan.iks ? ['ibm-cert-store', 'ibm-operators', 'ibm-system'] : []), 'kube-node-lease', 'kube-public', 'kube-system', ...plan.namespaces].map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } })));

  const rules = proxyMode === 'ipvs' ? ipvsModeRules() : kubeProxyRules(plan);
  const rnd = new Random(seed * 1000 + 11);
  for (const n of plan.nodes.slice(0, plan.counts.capturedNodes)) {
    const nodeDir = join(dir, 'nodes', n.name);
    mkdirSync(join(nodeDir, 'cni'), { recursive: true });
    writeFileSync(join(nodeDir, 'iptables-save'), iptablesSave(n, rules, proxyMode === 'ipvs', plan.iks ? 'calico' : 'flannel'));
    if (proxyMode !== 'iptables') writeFileSync(join(nodeDir, 'ipvsadm'), ipvsadm(plan, n));
    writeFileSync(join(nodeDir, 'dmesg'), dmesg(rnd, n));
    writeFileSync(join(nodeDir, 'lsmod'), lsmod);
    if (plan.iks) writeFileSync(join(nodeDir, 'cni', '10-calico.conflist'), calicoCniConf);
    else {
      writeFileSync(join(nodeDir, 'subnet.env'), subnetEnv(n));
      writeFileSync(join(nodeDir, 'cni', '10-flannel.conflist'), flannelCniConf);
    }
  }
  const windowsRnd = new Random(seed * 1000 + 13);
  for (const n of plan.nodes.filter((node) => node.windows?.captured)) {
    for (const [file, text] of Object.entries(windowsNodeFiles(windowsRnd, plan, n))) {
      mkdirSync(join(dir, 'nodes', n.name, file, '..'), { recursive: true });
      writeFileSync(join(dir, 'nodes', n.name, file), text);
    }
  }
  objects.windowsNodes = plan.windowsCount;
  // What `kubectl get … 2> kubectl-errors.txt` leaves when kubectl printed no error (kube-netdoctor capture writes it too).
  mkdirSync(join(dir, 'cluster'), { recursive: true });
  writeFileSync(join(dir, 'cluster', 'kubectl-errors.txt'), '\n');
  if (plan.iks) for (const [file, text] of Object.entries(iksClusterFiles(plan, plan.iks))) writeFileSync(join(dir, 'cluster', file), text);

  const generated: GeneratedSnapshot = { generatorVersion, scale, seed, proxyMode, provider, windowsNodes, dir, objects, inputBytes: directoryBytes(dir), generateMs: Math.round(performance.now() - started), expected: plan.expected };
  writeFileSync(manifestPath(dir), `${JSON.stringify(generated, null, 2)}\n`);
  return generated;
}

export const directoryBytes = (dir: string): number => filesUnder(dir).reduce((total, file) => total + statSync(file).size, 0);
