/// <reference types="node" />
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type KubectlTarget, failureOf, runKubectl } from './kubectl.js';
import { nodePodManifest, nodePodName, scriptCommand } from './node-pods.js';
import { readScriptSections } from './script-sections.js';
import { linuxScript, windowsScript } from './scripts.generated.js';
import type { NodeInfo } from './select-nodes.js';

export interface NodeCaptureSettings {
  target: KubectlTarget;
  outDir: string;
  namespace: string;
  runId: string;
  linuxImage: string;
  windowsImage: string;
  timeoutSeconds: number;
  signal?: AbortSignal;
}

export interface NodeCaptureResult {
  node: string;
  files: string[];
  missing: string[];
  error?: string;
}

/**
 * Creates the node's capture pod, waits for it, runs the node script in it, writes the
 * files it printed under `nodes/<node>/`, and deletes the pod whatever happened (also
 * after a timeout or Ctrl-C). The whole sequence is bounded by `timeoutSeconds`.
 */
export async function captureNode(node: NodeInfo, settings: NodeCaptureSettings, onPod: (name: string) => void): Promise<NodeCaptureResult> {
  const { target, namespace } = settings;
  const name = nodePodName(settings.runId, node.name);
  const result: NodeCaptureResult = { node: node.name, files: [], missing: [] };
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), settings.timeoutSeconds * 1000);
  const signal = settings.signal ? AbortSignal.any([settings.signal, deadline.signal]) : deadline.signal;
  const started = Date.now();
  const left = () => Math.max(1, Math.round(settings.timeoutSeconds - (Date.now() - started) / 1000));
  const fail = (step: string, why: string) => {
    result.error = `${step}: ${deadline.signal.aborted && !settings.signal?.aborted ? `timed out after ${settings.timeoutSeconds}s` : why}`;
    return result;
  };
  try {
    const manifest = nodePodManifest({
      name,
      namespace,
      node: node.name,
      os: node.os,
      image: node.os === 'windows' ? settings.windowsImage : settings.linuxImage,
      runId: settings.runId,
      deadlineSeconds: Math.max(60, settings.timeoutSeconds * 2),
    });
    onPod(name);
    const created = await runKubectl(target, ['create', '-f', '-'], { stdin: JSON.stringify(manifest), signal });
    if (created.code !== 0) return fail('creating the capture pod', failureOf(created));
    const ready = await runKubectl(target, ['wait', '--for=condition=Ready', `pod/${name}`, '-n', namespace, `--timeout=${left()}s`], { signal });
    if (ready.code !== 0) return fail('waiting for the capture pod (node unreachable or image not pulled?)', failureOf(ready));
    const command = scriptCommand(node.os, node.os === 'windows' ? windowsScript : linuxScript);
    const exec = await runKubectl(target, ['exec', '-i', '-n', namespace, name, '--', ...command.args], { ...(command.stdin ? { stdin: command.stdin } : {}), signal });
    const sections = readScriptSections(exec.stdout);
    for (const file of sections.files) {
      const path = join(settings.outDir, 'nodes', node.name, ...file.path.split('/'));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.text);
      result.files.push(file.path);
    }
    result.missing = sections.missing.map((m) => `${m.path} (${m.why})`);
    if (exec.code !== 0 || sections.cut) return fail('running the node script', sections.cut ? `output cut inside ${sections.cut}` : failureOf(exec));
    return result;
  } finally {
    clearTimeout(timer);
    // Never tied to the abort signal: the pod must go even after Ctrl-C.
    await runKubectl(target, ['delete', 'pod', name, '-n', namespace, '--ignore-not-found', '--wait=false'], { timeoutMs: 30_000 });
  }
}
