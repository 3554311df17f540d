/// <reference types="node" />
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { componentOfContainer } from '../../snapshot/import/component-of-pod.js';
import { readObjects } from '../../snapshot/read-objects.js';
import type { PodObject } from '../../snapshot/objects.js';
import { type Cloud, runCloudCommands } from './cloud-commands.js';
import { captureNode } from './capture-node.js';
import { type KubectlTarget, failureOf, runKubectl } from './kubectl.js';
import { defaultLinuxImage, defaultWindowsImage } from './node-pods.js';
import { getArgs, objectKinds } from './object-kinds.js';
import { type NodeInfo, describeSelection, nodesOfList, parseNodeSelection, sampleNodes } from './select-nodes.js';
import { type CaptureRecord, writeManifest } from './write-manifest.js';

export interface CaptureOptions {
  /** Directory to write the snapshot to; created, and must be empty if it exists. */
  outDir: string;
  target: KubectlTarget;
  /** `all`, `none`, `<name,name>`, a label selector, or absent for one node per OS and zone. */
  nodes?: string;
  /** Namespace of the short-lived capture pods (default `default`, as `kubectl debug` uses). */
  namespace?: string;
  linuxImage?: string;
  windowsImage?: string;
  /** Nodes captured at once (default 4). */
  concurrency?: number;
  /** Limit for one node, pod creation to deletion (default 180 s). */
  nodeTimeoutSeconds?: number;
  /** Limit for one `kubectl get` (default 300 s). */
  requestTimeoutSeconds?: number;
  /** `--chunk-size` of every `kubectl get` (default 500). */
  chunkSize?: number;
  /** Lines of each component pod's log (default 20000). */
  logTailLines?: number;
  cloud?: Cloud;
  /** IDs the cloud commands need (`vpc-id`, `route-table-id`, `sg-id`, `cluster` …). */
  cloudIds?: Record<string, string>;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void;
  signal?: AbortSignal;
  /** Names the run's pods (`netdoctor-<runId>-<node>`); random by default. */
  runId?: string;
  tool?: string;
  now?: () => Date;
}

export interface CaptureResult extends CaptureRecord {
  outDir: string;
}

/**
 * Captures a live cluster into a snapshot directory with the user's kubectl: objects,
 * node outputs through short-lived pods, component logs, and snapshot.yaml saying what
 * was captured and what failed. Failures are recorded, never fatal; pods are always
 * deleted. Exercised against a recorded kubectl stand-in (test/fixtures/capture/).
 */
export async function capture(options: CaptureOptions): Promise<CaptureResult> {
  const { outDir, target, signal } = options;
  const say = options.progress ?? (() => undefined);
  const chunk = options.chunkSize ?? 500;
  const requestMs = (options.requestTimeoutSeconds ?? 300) * 1000;
  const now = options.now ?? (() => new Date());
  const record: CaptureRecord = { tool: options.tool ?? 'kube-netdoctor', nodeSelection: '', nodes: [], captured: [], failed: [], missing: {} };
  const errors: string[] = [];
  const failed = (what: string, result: Awaited<ReturnType<typeof runKubectl>>) => {
    record.failed.push({ what, error: failureOf(result) });
    if (result.stderr.trim()) errors.push(...result.stderr.trim().split('\n'));
  };
  await mkdir(outDir, { recursive: true });
  if ((await readdir(outDir)).length > 0) throw new Error(`${outDir} is not empty; capture writes into a new or empty directory`);
  const startedAt = now().toISOString();

  const context = options.target.context ?? (await runKubectl(target, ['config', 'current-context'], { signal, timeoutMs: 30_000 })).stdout.trim();
  if (context) record.context = context;
  const version = await runKubectl(target, ['version', '-o', 'json'], { signal, timeoutMs: 60_000 });
  const serverVersion = jsonOf(version.stdout)?.serverVersion?.gitVersion;
  if (typeof serverVersion === 'string') record.serverVersion = serverVersion;
  else failed('server version', version);
  say(`kube-netdoctor capture: context ${context || '(default)'}, server ${record.serverVersion ?? 'unknown'}`);

  const unreachable = version.spawnError !== undefined || (version.code !== 0 && /Unable to connect|connection to the server|no such host|i\/o timeout|refused/.test(version.stderr));
  if (!unreachable) {
    let namespaces: string[] | undefined;
    for (const kind of objectKinds) {
      if (signal?.aborted) break;
      if (kind.namespaces && kind.file !== 'configmaps.json' && !kind.namespaces.every((ns) => namespaces?.includes(ns))) continue;
      const path = join(outDir, ...kind.file.split('/'));
      await mkdir(join(path, '..'), { recursive: true });
      const result = await runKubectl(target, getArgs(kind, kind.namespaces?.[0], chunk), { stdoutFile: path, signal, timeoutMs: requestMs });
      if (result.code === 0) {
        record.captured.push(kind.file);
        if (kind.resource === 'namespaces') namespaces = nodesOfNamespaceList(await readFile(path, 'utf8'));
      } else {
        await rm(path, { force: true });
        failed(kind.file, result);
      }
      say(`  ${kind.file}: ${result.code === 0 ? 'ok' : record.failed.at(-1)?.error}`);
    }
  }

  const selection = parseNodeSelection(options.nodes);
  record.nodeSelection = describeSelection(selection);
  const chosen = unreachable || signal?.aborted ? [] : await chooseNodes(options, outDir, selection, record, (what, r) => failed(what, r));
  record.nodes = chosen.map((n) => n.name);
  if (selection.kind !== 'none') say(`nodes (${record.nodeSelection}): ${record.nodes.join(', ') || 'none'}`);

  const pending = [...chosen];
  const settings = {
    target,
    outDir,
    namespace: options.namespace ?? 'default',
    runId: options.runId ?? Math.random().toString(36).slice(2, 7),
    linuxImage: options.linuxImage ?? defaultLinuxImage,
    windowsImage: options.windowsImage ?? defaultWindowsImage,
    timeoutSeconds: options.nodeTimeoutSeconds ?? 180,
    ...(signal ? { signal } : {}),
  };
  let done = 0;
  const worker = async () => {
    for (let node = pending.shift(); node && !signal?.aborted; node = pending.shift()) {
      say(`  node ${node.name} (${node.os}): starting`);
      const result = await captureNode(node, settings, () => undefined);
      done++;
      if (result.missing.length > 0) record.missing[node.name] = result.missing;
      if (result.error) record.failed.push({ what: `node ${node.name}`, error: result.error });
      else record.captured.push(`nodes/${node.name}`);
      say(`  [${done}/${chosen.length}] node ${node.name}: ${result.error ?? `${result.files.length} files${result.missing.length ? `, ${result.missing.length} not available` : ''}`}`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));

  if (!signal?.aborted && chosen.length > 0) await componentLogs(options, chosen, record, errors);
  if (options.cloud && !signal?.aborted) {
    const cloud = await runCloudCommands(options.cloud, options.cloudIds ?? {}, outDir);
    record.captured.push(...cloud.ran);
    record.failed.push(...cloud.failed);
    if (cloud.printed.length > 0) {
      record.cloudCommands = cloud.printed;
      say(`cloud inventory (${options.cloud}): run where that CLI is logged in, from the snapshot directory (give IDs with --cloud-id):\n${cloud.printed.map((c) => `  ${c}`).join('\n')}`);
    }
  }
  if (signal?.aborted) record.interrupted = true;
  if (errors.length > 0) {
    await mkdir(join(outDir, 'cluster'), { recursive: true });
    await writeFile(join(outDir, 'cluster', 'kubectl-errors.txt'), `${errors.join('\n')}\n`);
  }
  await writeManifest(outDir, `${context || 'cluster'}-${startedAt.slice(0, 10)}`, startedAt, record);
  say(`snapshot written to ${outDir}: ${record.captured.length} captured, ${record.failed.length} failed${record.interrupted ? ', interrupted' : ''}`);
  return { ...record, outDir };
}

async function chooseNodes(
  options: CaptureOptions,
  outDir: string,
  selection: ReturnType<typeof parseNodeSelection>,
  record: CaptureRecord,
  failed: (what: string, r: Awaited<ReturnType<typeof runKubectl>>) => void,
): Promise<NodeInfo[]> {
  if (selection.kind === 'none') return [];
  const text = await readFile(join(outDir, 'nodes.json'), 'utf8').catch(() => undefined);
  const nodes = text ? nodesOfList(jsonOf(text)) : [];
  switch (selection.kind) {
    case 'sample': return sampleNodes(nodes);
    case 'all': return nodes;
    case 'names': {
      const known = new Set(nodes.map((n) => n.name));
      for (const name of selection.names.filter((n) => !known.has(n))) record.failed.push({ what: `node ${name}`, error: 'not among the cluster\'s nodes (nodes.json)' });
      return nodes.filter((n) => selection.names.includes(n.name));
    }
    case 'selector': {
      const result = await runKubectl(options.target, ['get', 'nodes', '-l', selection.selector, '-o', 'name'], { timeoutMs: 60_000, ...(options.signal ? { signal: options.signal } : {}) });
      if (result.code !== 0) {
        failed(`nodes matching ${selection.selector}`, result);
        return [];
      }
      const names = result.stdout.split('\n').map((l) => l.trim().replace(/^node\//, '')).filter(Boolean);
      return nodes.filter((n) => names.includes(n.name));
    }
  }
}

/** Logs of kube-proxy, flannel, … pods on the chosen nodes, as those nodes' logs/<component>.log. */
async function componentLogs(options: CaptureOptions, chosen: readonly NodeInfo[], record: CaptureRecord, errors: string[]): Promise<void> {
  const text = await readFile(join(options.outDir, 'pods.json'), 'utf8').catch(() => undefined);
  if (!text) return;
  const names = new Set(chosen.map((n) => n.name));
  const pods = readObjects('pods.json', text).objects.filter((o): o is PodObject => o.kind === 'Pod' && names.has((o as PodObject).nodeName ?? ''));
  for (const pod of pods) {
    for (const container of pod.containers) {
      const component = componentOfContainer(pod, container.name);
      if (!component || options.signal?.aborted) continue;
      const path = join(options.outDir, 'nodes', pod.nodeName ?? '', 'logs', `${component}.log`);
      await mkdir(join(path, '..'), { recursive: true });
      const args = ['logs', '-n', pod.namespace ?? 'default', pod.name, '-c', container.name, `--tail=${options.logTailLines ?? 20000}`];
      const result = await runKubectl(options.target, args, { stdoutFile: path, timeoutMs: 120_000 });
      if (result.code === 0) record.captured.push(`nodes/${pod.nodeName}/logs/${component}.log`);
      else {
        await rm(path, { force: true });
        record.failed.push({ what: `logs of ${pod.namespace}/${pod.name} ${container.name}`, error: failureOf(result) });
        if (result.stderr.trim()) errors.push(...result.stderr.trim().split('\n'));
      }
    }
  }
}

function jsonOf(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function nodesOfNamespaceList(text: string): string[] {
  const items = jsonOf(text)?.items;
  return Array.isArray(items) ? items.map((i: { metadata?: { name?: string } }) => i?.metadata?.name ?? '').filter(Boolean) : [];
}
