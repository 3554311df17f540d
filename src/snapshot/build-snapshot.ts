import { type Diagnostic, compareDiagnostics, diagnostic } from '../diagnostics.js';
import { parseStructuredOne } from '../parsers/structured-text.js';
import { classifyFile, isKnownCommand, sniffCommand } from './classify-file.js';
import { decodeText, looksBinary } from './decode-text.js';
import { inferCluster } from './infer-cluster.js';
import type { Reduced } from './reduce-object.js';
import { readObjects } from './read-objects.js';
import { Manifest, type NodeOutputs, type Snapshot, emptySnapshot } from './schema.js';

/** One file of a snapshot: its path relative to the snapshot root, and its content. */
export interface SnapshotFile {
  path: string;
  bytes?: Uint8Array;
  text?: string;
}

export interface BuiltSnapshot {
  snapshot: Snapshot;
  diagnostics: Diagnostic[];
}

/**
 * Builds a typed Snapshot from files laid out as in snapshot.md. Pure: the
 * caller reads the files (kube-netdoctor/node does, so can a browser). A file
 * that cannot be read becomes a diagnostic; every other file is still used.
 */
export function buildSnapshot(files: readonly SnapshotFile[]): BuiltSnapshot {
  const snapshot = emptySnapshot();
  const diagnostics: Diagnostic[] = [];
  const captured = new Set<string>();
  let manifest: Manifest = {};

  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const path = file.path.replace(/\\/g, '/').replace(/^\.\//, '');
    const role = classifyFile(path);
    if (role.role === 'ignored') {
      diagnostics.push(diagnostic('info', 'ignored-file', `ignored: ${role.why}`, { file: path }));
      continue;
    }
    const text = textOf(file, path, diagnostics);
    if (text === undefined) continue;
    switch (role.role) {
      case 'manifest':
        manifest = readManifest(path, text, diagnostics) ?? manifest;
        break;
      case 'objects': {
        const read = readObjects(path, text);
        diagnostics.push(...read.diagnostics);
        for (const kind of read.capturedKinds) captured.add(kind);
        for (const object of read.objects) addObject(snapshot, object);
        break;
      }
      case 'node-command': {
        let command = role.command;
        if (!isKnownCommand(command)) {
          const sniffed = sniffCommand(text);
          diagnostics.push(
            sniffed
              ? diagnostic('info', 'sniffed-output', `file name not in snapshot.md; content looks like ${sniffed} output`, { file: path })
              : diagnostic('warning', 'unknown-output', `unrecognised node output "${command}"; kept but no parser reads it`, { file: path }),
          );
          command = sniffed ?? command;
        }
        nodeOutputs(snapshot, role.node).commands[command] = { file: path, text };
        break;
      }
      case 'node-cni':
        nodeOutputs(snapshot, role.node).cni.push({ file: path, text });
        break;
      case 'node-log':
        nodeOutputs(snapshot, role.node).logs[role.component] = { file: path, text };
        break;
      case 'cluster-output':
        snapshot.clusterOutputs[role.name] = { file: path, text };
        break;
      case 'cloud':
        snapshot.cloud[role.name] = { file: path, text };
        break;
    }
  }

  if (manifest.name !== undefined) snapshot.name = manifest.name;
  if (manifest.capturedAt !== undefined) snapshot.capturedAt = manifest.capturedAt;
  snapshot.captured = [...captured].sort();
  snapshot.cluster = inferCluster(manifest.cluster, snapshot);
  return { snapshot, diagnostics: diagnostics.sort(compareDiagnostics) };
}

function textOf(file: SnapshotFile, path: string, diagnostics: Diagnostic[]): string | undefined {
  let text = file.text;
  if (text === undefined) {
    if (!file.bytes) {
      diagnostics.push(diagnostic('error', 'unreadable', 'file has no content to read', { file: path }));
      return undefined;
    }
    const decoded = decodeText(file.bytes, path);
    diagnostics.push(...decoded.diagnostics);
    text = decoded.text;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (looksBinary(text)) {
    diagnostics.push(diagnostic('error', 'binary-file', 'binary content (NUL bytes); skipped', { file: path }));
    return undefined;
  }
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function readManifest(path: string, text: string, diagnostics: Diagnostic[]): Manifest | undefined {
  const { document, diagnostics: problems } = parseStructuredOne(text, { file: path });
  diagnostics.push(...problems);
  if (!document) return undefined;
  const parsed = Manifest.safeParse(document.value ?? {});
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const at = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    diagnostics.push(
      diagnostic('error', 'invalid-manifest', `${at.join('.') || '(root)'}: ${issue.message}`, { file: path, line: document.lineOf(at) }),
    );
  }
  return undefined;
}

function nodeOutputs(snapshot: Snapshot, node: string): NodeOutputs {
  return (snapshot.nodeOutputs[node] ??= { commands: {}, cni: [], logs: {} });
}

function addObject(snapshot: Snapshot, object: Reduced): void {
  switch (object.kind) {
    case 'Node': return void snapshot.nodes.push(object as Snapshot['nodes'][number]);
    case 'Pod': return void snapshot.pods.push(object as Snapshot['pods'][number]);
    case 'Service': return void snapshot.services.push(object as Snapshot['services'][number]);
    case 'Endpoints':
    case 'EndpointSlice': return void snapshot.endpoints.push(object as Snapshot['endpoints'][number]);
    case 'ConfigMap': return void snapshot.configMaps.push(object as Snapshot['configMaps'][number]);
    case 'Event': return void snapshot.events.push(object as Snapshot['events'][number]);
    case 'Ingress': return void snapshot.ingresses.push(object as Snapshot['ingresses'][number]);
    case 'DaemonSet':
    case 'Deployment': return void snapshot.workloads.push(object as Snapshot['workloads'][number]);
    case 'NetworkPolicy': return void snapshot.networkPolicies.push(object as Snapshot['networkPolicies'][number]);
    case 'Namespace': return void snapshot.namespaces.push(object as Snapshot['namespaces'][number]);
    case 'Secret': return void snapshot.secrets.push(object as Snapshot['secrets'][number]);
    default: return void snapshot.others.push(object);
  }
}
