import { type Diagnostic, compareDiagnostics, diagnostic } from '../diagnostics.js';
import { SnapshotError } from '../errors.js';
import { parseStructuredOne } from '../parsers/structured-text.js';
import type { BuiltSnapshot, SnapshotFile } from './snapshot-file.js';
import { type FileRole, classifyFile, commandName, isKnownCommand, isKnownNodeCommand, sniffCommand } from './classify-file.js';
import { decodeText, fileText, readHead } from './decode-text.js';
import { inferCluster } from './infer-cluster.js';
import { TextPool, type UnreadSource, changedSinceLoad, lazyTextFile, lazyTextMinChars, unreadTextFile } from './lazy-text.js';
import { maskSecrets } from './mask-secrets.js';
import { safeJson } from './safe-json.js';
import type { Reduced } from './reduce-object.js';
import { looksLikeDumpStream, splitDumpStream } from './import/cluster-info-dump-stream.js';
import { type PendingPodLog, placePodLogs } from './import/place-pod-logs.js';
import { splitLogBlocks } from './import/pod-log-blocks.js';
import { type ObjectOrigin, type ReadObjects, readDocuments, readObject, readObjects } from './read-objects.js';
import { Manifest, type NodeOutputs, type Snapshot, type TextFile, emptySnapshot } from './schema.js';

/**
 * Builds a Snapshot one file, or one object, at a time, so a loader can hand
 * over each object as soon as it is parsed (a stream of a huge List) and
 * memory holds only the reduced objects. Pure: no file system.
 *
 * Objects keep the order they were added in; add files in path order for the
 * same snapshot as `buildSnapshot`.
 */
export class SnapshotBuilder {
  readonly #snapshot = emptySnapshot();
  readonly #diagnostics: Diagnostic[] = [];
  readonly #captured = new Set<string>();
  readonly #unreadable = new Map<string, string[]>();
  #manifest: Manifest = {};
  readonly #podLogs: PendingPodLog[] = [];
  readonly #skipped = new Map<string, number>();
  readonly #hostOutputs: Array<{ name: string; file: string; text: string }> = [];
  #hostName: string | undefined;
  /** Large node outputs the loader can read again are read again when used, recent ones kept here. */
  readonly #texts = new TextPool();

  /**
   * Adds one file of any role (objects, node output, manifest …), classified by its
   * path, or by `role` when an import plan (cluster-info dump, support bundle) says.
   */
  addFile(file: SnapshotFile, role: FileRole = classifyFile(normalizePath(file.path))): void {
    const path = normalizePath(file.path);
    try {
      this.#addFile(file, path, role);
    } catch (error) {
      // Nothing a file holds may stop the load: an unforeseen failure is this file's diagnostic.
      this.#diagnostics.push(diagnostic('error', 'unreadable', `could not be read: ${describeError(error)}`, { file: path }));
    }
  }

  #addFile(file: SnapshotFile, path: string, role: FileRole): void {
    if (role.role === 'redaction-manifest') return;
    if (role.role === 'skipped') {
      this.#skipped.set(role.why, (this.#skipped.get(role.why) ?? 0) + 1);
      return;
    }
    if (role.role === 'ignored') {
      if (!this.#addIfDumpStream(file, path)) this.#diagnostics.push(diagnostic('info', 'ignored-file', `ignored: ${role.why}`, { file: path }));
      return;
    }
    if (file.unread && file.bytes === undefined && file.text === undefined) {
      if (isKnownNodeCommand(role) && file.readAgain) return this.#addUnread(file, path, role.node, role.command);
      // Any other file the loader left unread is read now, as it always was.
      if (file.readAgain) file = { path: file.path, bytes: file.readAgain(), readAgain: file.readAgain };
    }
    const read = fileText(file, path, this.#diagnostics);
    if (read === undefined) return;
    // Object files are masked object by object as they are reduced (read-objects.ts), streamed or not.
    const text = role.role === 'objects' ? read : maskSecrets(read);
    const snapshot = this.#snapshot;
    switch (role.role) {
      case 'manifest':
        this.#manifest = readManifest(path, text, this.#diagnostics) ?? this.#manifest;
        break;
      case 'objects': {
        if (looksLikeDumpStream(text)) return this.#addDumpStream(text, path);
        this.#addRead(readObjects(path, text), path);
        break;
      }
      case 'host-output':
        this.#hostOutputs.push({ name: role.name, file: path, text });
        break;
      case 'host-info': {
        const name = (safeJson(text) as { name?: unknown } | undefined)?.name;
        if (typeof name === 'string' && name !== '') this.#hostName = name;
        break;
      }
      case 'pod-logs': {
        const { namespace, pod, container, previous = false } = role;
        if (container !== undefined) this.#podLogs.push({ namespace, pod, container, previous, text, file: path, line: 1 });
        else for (const block of splitLogBlocks(text)) this.#podLogs.push({ ...block, previous: false, file: path });
        break;
      }
      case 'node-command': {
        let command = role.command;
        if (!isKnownCommand(command)) {
          const sniffed = sniffCommand(text);
          this.#diagnostics.push(
            sniffed
              ? diagnostic('info', 'sniffed-output', `file name not in the snapshot format (docs/snapshot-format.md); content looks like ${sniffed} output`, { file: path })
              : diagnostic('warning', 'unknown-output', `unrecognised node output "${command}"; kept but no parser reads it`, { file: path }),
          );
          command = sniffed ?? command;
        }
        nodeOutputs(snapshot, role.node).commands[command] = this.#nodeOutput(file, path, text, read);
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

  /**
   * A node output as the snapshot keeps it: its text, or for a large one the loader can read
   * again, a file that reads it again when used (decoded and masked exactly as now).
   */
  #nodeOutput(file: SnapshotFile, path: string, text: string, read: string): TextFile {
    const { readAgain } = file;
    if (!readAgain || text.length < lazyTextMinChars) return { file: path, text };
    return lazyTextFile(path, text.length, textReadAgain(readAgain, path, text.length, text !== read), this.#texts);
  }

  /**
   * A node output the loader did not read: what `fileText` would say from its start is said now (a
   * binary file is left out, as it always was); the rest when a rule reads it (lazy-text.ts).
   */
  #addUnread(file: SnapshotFile, path: string, node: string, command: string): void {
    const { unread, readAgain } = file;
    if (!unread || !readAgain) return;
    const head = readHead(unread.head, path);
    this.#diagnostics.push(...head.diagnostics);
    if (head.binary) return;
    const source: UnreadSource = { path, size: unread.size, head, readAgain };
    if (unread.isPlainAscii) source.isPlainAscii = unread.isPlainAscii;
    if (unread.prepared) source.prepared = unread.prepared;
    nodeOutputs(this.#snapshot, node).commands[command] = unreadTextFile(source, this.#texts);
  }

  /**
   * Adds one already-parsed Kubernetes object (an item of a List, or a whole
   * document), reducing it at once; the raw value can be dropped afterwards.
   */
  addObject(raw: unknown, origin: ObjectOrigin): boolean {
    const read = readObjectSafely(raw, origin);
    if ('diagnostic' in read) {
      this.#diagnostics.push(read.diagnostic);
      return false;
    }
    this.#captured.add(read.object.kind);
    addReduced(this.#snapshot, read.object);
    return true;
  }

  /** Adds objects already read and reduced elsewhere (a worker thread, by readObject), in order. */
  addReducedObjects(objects: readonly Reduced[]): void {
    for (const object of objects) {
      this.#captured.add(object.kind);
      addReduced(this.#snapshot, object);
    }
  }

  /** Records that a file's name promised a kind none of its content supplied (an unreadable `pods.json`). */
  addUnreadableKind(kind: string, file: string): void {
    const path = normalizePath(file);
    this.#unreadable.set(kind, [...(this.#unreadable.get(kind) ?? []), path]);
  }

  /** Records that a kind was captured even if no object of it is added (`pods.json`, an empty `PodList`). */
  addCapturedKind(kind: string): void {
    this.#captured.add(kind);
  }

  #addRead(read: ReadObjects, path: string): void {
    this.#diagnostics.push(...read.diagnostics);
    for (const kind of read.capturedKinds) this.#captured.add(kind);
    if (read.unreadableKind) this.addUnreadableKind(read.unreadableKind, path);
    for (const object of read.objects) addReduced(this.#snapshot, object);
  }

  /**
   * Host collector outputs become the node outputs of the host they ran on: the name in
   * hostos_info.json, else the only node of the snapshot. A collector is matched to a command
   * by its name (`iptables-save`, `ipvsadm` …) or, failing that, by its content.
   */
  #placeHostOutputs(): void {
    if (this.#hostOutputs.length === 0) return;
    const node = this.#hostName ?? (this.#snapshot.nodes.length === 1 ? this.#snapshot.nodes[0]?.name : undefined);
    let unknown = 0;
    for (const output of this.#hostOutputs) {
      const named = commandName(output.name);
      const command = isKnownCommand(named) ? named : sniffCommand(output.text);
      if (!command) unknown++;
      else if (!node) {
        this.#diagnostics.push(diagnostic('warning', 'host-output-no-node', `${command} output not placed: the bundle does not say which node the host is (host-collectors/system/hostos_info.json)`, { file: output.file }));
      } else nodeOutputs(this.#snapshot, node).commands[command] = { file: output.file, text: output.text };
    }
    if (unknown > 0) this.#skipped.set('support bundle: host collector outputs of commands no rule reads', unknown);
  }

  /** The stdout form of `kubectl cluster-info dump`: JSON Lists and log blocks in one file. */
  #addDumpStream(text: string, path: string): void {
    const stream = splitDumpStream(text, path);
    this.#diagnostics.push(...stream.diagnostics);
    this.#addRead(readDocuments(path, stream.documents), path);
    for (const block of stream.logs) this.#podLogs.push({ ...block, previous: false, file: path });
  }

  /** A file no name marks (`cluster-info.dump`, `dump.txt`) may still be a dump stream. */
  #addIfDumpStream(file: SnapshotFile, path: string): boolean {
    if (path.includes('/') || /\.(png|jpe?g|gif|gz|tgz|zip|pdf)$/i.test(path)) return false;
    const text = file.text ?? (file.bytes ? decodeText(file.bytes, path).text : '');
    if (!looksLikeDumpStream(text)) return false;
    this.#diagnostics.push(diagnostic('info', 'cluster-info-dump', 'read as the output of kubectl cluster-info dump', { file: path }));
    this.#addDumpStream(text.replace(/\r\n?/g, '\n'), path);
    return true;
  }

  addDiagnostics(...diagnostics: Diagnostic[]): void {
    this.#diagnostics.push(...diagnostics);
  }

  /** Applies the manifest, infers the cluster facts and returns the snapshot; call once. */
  finish(): BuiltSnapshot {
    const snapshot = this.#snapshot;
    const manifest = this.#manifest;
    this.#diagnostics.push(...placePodLogs(snapshot, this.#podLogs));
    this.#placeHostOutputs();
    for (const [why, count] of this.#skipped) this.#diagnostics.push(diagnostic('info', 'skipped-files', `${count} files not read (${why})`));
    for (const failed of manifest.capture?.failed ?? []) {
      this.#diagnostics.push(diagnostic('warning', 'capture-failed', `capture could not get ${failed.what}: ${failed.error}`, { file: 'snapshot.yaml' }));
    }
    if (manifest.capture?.interrupted) this.#diagnostics.push(diagnostic('warning', 'capture-interrupted', 'the capture was interrupted; what it had not reached is missing', { file: 'snapshot.yaml' }));
    if (manifest.name !== undefined) snapshot.name = manifest.name;
    if (manifest.capturedAt !== undefined) snapshot.capturedAt = manifest.capturedAt;
    snapshot.captured = [...this.#captured].sort();
    snapshot.unreadable = Object.fromEntries([...this.#unreadable].filter(([kind]) => !this.#captured.has(kind)).sort(([a], [b]) => a.localeCompare(b)));
    try {
      snapshot.cluster = inferCluster(manifest.cluster, snapshot);
    } catch (error) {
      this.#diagnostics.push(diagnostic('error', 'inference-failed', `cluster facts could not be inferred: ${describeError(error)}`));
      snapshot.cluster = {};
    }
    return { snapshot, diagnostics: this.#diagnostics.sort(compareDiagnostics) };
  }
}

/**
 * What addObject adds for one parsed object: the reduced object, or the diagnostic that says why
 * not — also when reducing it throws. For a loader that stages a file's objects before adding them.
 */
export function readObjectSafely(raw: unknown, origin: ObjectOrigin): ReturnType<typeof readObject> {
  const file = normalizePath(origin.file);
  try {
    return readObject(raw, { ...origin, file });
  } catch (error) {
    return { diagnostic: diagnostic('error', 'unreadable', `object could not be read: ${describeError(error)}`, { file, line: origin.line }) };
  }
}

/** An unexpected error, said without quoting input: its class and the first line of its message, capped. */
export function describeError(error: unknown): string {
  const e = error instanceof Error ? error : new Error(String(error));
  return `${e.name}: ${(e.message.split('\n')[0] ?? '').slice(0, 160)}`;
}

export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

/**
 * Reads a file's text again as `#addFile` made it the first time (decoded, masked; its diagnostics
 * were reported then); throws if it is no longer as long. Out here so the text is not captured.
 * `readAgain` gives the same bytes or throws (the Node entry checks size and modification time),
 * so a text that had nothing to mask the first time has nothing now: masking a 35 MB
 * iptables-save again would cost more than reading and decoding it.
 */
function textReadAgain(readAgain: () => Uint8Array, path: string, length: number, masked: boolean): () => string {
  return () => {
    const read = fileText({ bytes: readAgain() }, path, []);
    const text = read === undefined || !masked ? read : maskSecrets(read);
    if (text?.length !== length) throw new SnapshotError('changed', changedSinceLoad, { file: path });
    return text;
  };
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

function addReduced(snapshot: Snapshot, object: Reduced): void {
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
