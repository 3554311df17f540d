import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import type { NodeOutputs, Snapshot } from '../schema.js';
import { componentOfContainer } from './component-of-pod.js';

/** One container's log read from an import format, waiting for its pod's node to be known. */
export interface PendingPodLog {
  namespace: string;
  pod: string;
  container: string;
  previous: boolean;
  text: string;
  file: string;
  /** Line of `file` the log's first line is on. */
  line: number;
}

/**
 * Places the logs of node components (kube-proxy, flanneld, terway …) as that pod's
 * node logs, `logs/<component>.log` (`<component>-previous` for the previous container),
 * so the node-log rules read them as if captured on the node. Evidence keeps pointing
 * at the real file and line: the text is preceded by as many empty lines as the block
 * starts below the top of its file. Other containers' logs are counted, not kept.
 */
export function placePodLogs(snapshot: Snapshot, logs: readonly PendingPodLog[]): Diagnostic[] {
  if (logs.length === 0) return [];
  const pods = new Map(snapshot.pods.map((p) => [`${p.namespace ?? ''}/${p.name}`, p]));
  const diagnostics: Diagnostic[] = [];
  let notComponents = 0;
  for (const log of logs) {
    const pod = pods.get(`${log.namespace}/${log.pod}`);
    const component = pod && componentOfContainer(pod, log.container);
    if (!component) {
      notComponents++;
      continue;
    }
    if (!pod.nodeName) {
      diagnostics.push(diagnostic('warning', 'pod-log-no-node', `log of ${component} pod ${log.namespace}/${log.pod} not placed: the pod has no spec.nodeName`, { file: log.file, line: log.line }));
      continue;
    }
    const outputs: NodeOutputs = (snapshot.nodeOutputs[pod.nodeName] ??= { commands: {}, cni: [], logs: {} });
    const base = log.previous ? `${component}-previous` : component;
    let key = base;
    for (let n = 2; outputs.logs[key]; n++) key = `${base}-${n}`;
    outputs.logs[key] = { file: log.file, text: '\n'.repeat(Math.max(0, log.line - 1)) + log.text };
  }
  if (notComponents > 0) {
    diagnostics.push(
      diagnostic('info', 'pod-logs-not-read', `${notComponents} container logs are not of a node network component (kube-proxy, flannel, terway, calico-node, ingress-nginx …) or their pod is not in the capture; not read`),
    );
  }
  return diagnostics;
}
