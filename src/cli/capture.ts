/// <reference types="node" />
import { parseArgs } from 'node:util';
import { capture } from '../node/capture/capture.js';
import { type Cloud, clouds } from '../node/capture/cloud-commands.js';
import type { CliIo } from './io.js';

const usage = `Usage: kube-netdoctor capture <out-dir> [options]

Captures the cluster of your current kubectl context into a snapshot directory that
\`kube-netdoctor analyze <out-dir>\` reads. Uses your kubectl and its credentials.

On the cluster it runs: kubectl get of nodes, namespaces, pods, services, endpoints,
endpointslices, events, ingresses, networkpolicies, daemonsets, deployments (all
namespaces) and configmaps (kube-system, kube-flannel) — never Secrets; then, on each
chosen node, one short-lived pod (Linux: privileged, host network and PID, nsenter
into the host; Windows: HostProcess as NT AUTHORITY\\SYSTEM) that runs the read-only
node script (\`kube-netdoctor capture-script linux|windows\`) and is deleted afterwards,
also on Ctrl-C; and kubectl logs of kube-proxy, flannel, terway, calico-node and
ingress-nginx pods on those nodes.

Options:
  --nodes <which>           all | none | <name,name> | <label selector>
                            (default: one node per OS and zone)
  --kubectl <path>          kubectl to run (default: kubectl on PATH)
  --context <name>          kubeconfig context (default: current)
  --kubeconfig <file>       kubeconfig file
  --namespace <ns>          namespace of the capture pods (default: default)
  --image <image>           Linux capture pod image (default: busybox:1.36)
  --windows-image <image>   Windows HostProcess image
  --concurrency <n>         nodes at once (default: 4)
  --node-timeout <seconds>  per node, pod creation to deletion (default: 180)
  --chunk-size <n>          kubectl get --chunk-size (default: 500)
  --cloud aliyun|tencent|azure|ibm
                            cloud inventory: runs the vendor CLI commands whose IDs are
                            given when that CLI is on PATH, prints the others
  --cloud-id <name=value>   an ID those commands need (repeatable): vpc-id, snat-table-id,
                            route-table-id (aliyun); sg-id (tencent); resource-group,
                            route-table (azure); cluster (ibm)
  -h, --help                show this help

Exit codes: 0 everything captured, 1 captured with failures (see snapshot.yaml), 2 usage error.
`;

export async function runCaptureCli(argv: string[], io: CliIo & { signal?: AbortSignal }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        nodes: { type: 'string' },
        kubectl: { type: 'string', default: 'kubectl' },
        context: { type: 'string' },
        kubeconfig: { type: 'string' },
        namespace: { type: 'string' },
        image: { type: 'string' },
        'windows-image': { type: 'string' },
        concurrency: { type: 'string' },
        'node-timeout': { type: 'string' },
        'chunk-size': { type: 'string' },
        cloud: { type: 'string' },
        'cloud-id': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`kube-netdoctor capture: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  const number = (name: string, value: string | undefined) => (value === undefined ? undefined : /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : Number.NaN);
  const concurrency = number('concurrency', values.concurrency);
  const nodeTimeout = number('node-timeout', values['node-timeout']);
  const chunkSize = number('chunk-size', values['chunk-size']);
  const problem =
    positionals.length !== 1 ? (positionals.length === 0 ? 'missing <out-dir>' : `unexpected argument "${positionals[1]}"`) :
    [concurrency, nodeTimeout, chunkSize].some((n) => Number.isNaN(n)) ? '--concurrency, --node-timeout and --chunk-size take a positive whole number' :
    values.cloud !== undefined && !clouds.includes(values.cloud as Cloud) ? `--cloud must be ${clouds.join(', ')}` :
    (values['cloud-id'] ?? []).some((id) => !/^[a-z-]+=\S+$/.test(id)) ? '--cloud-id takes name=value, e.g. --cloud-id vpc-id=vpc-bp1…' :
    undefined;
  if (problem) {
    io.stderr(`kube-netdoctor capture: ${problem}\n\n${usage}`);
    return 2;
  }
  try {
    const result = await capture({
      outDir: positionals[0] ?? '',
      target: { kubectl: values.kubectl, ...(values.context ? { context: values.context } : {}), ...(values.kubeconfig ? { kubeconfig: values.kubeconfig } : {}) },
      ...(values.nodes !== undefined ? { nodes: values.nodes } : {}),
      ...(values.namespace ? { namespace: values.namespace } : {}),
      ...(values.image ? { linuxImage: values.image } : {}),
      ...(values['windows-image'] ? { windowsImage: values['windows-image'] } : {}),
      ...(concurrency ? { concurrency } : {}),
      ...(nodeTimeout ? { nodeTimeoutSeconds: nodeTimeout } : {}),
      ...(chunkSize ? { chunkSize } : {}),
      ...(values.cloud ? { cloud: values.cloud as Cloud } : {}),
      cloudIds: Object.fromEntries((values['cloud-id'] ?? []).map((id) => [id.slice(0, id.indexOf('=')), id.slice(id.indexOf('=') + 1)])),
      ...(io.signal ? { signal: io.signal } : {}),
      progress: (line) => io.stderr(`${line}\n`),
    });
    return result.failed.length > 0 || result.interrupted ? 1 : 0;
  } catch (error) {
    io.stderr(`kube-netdoctor capture: ${(error as Error).message}\n`);
    return 2;
  }
}
