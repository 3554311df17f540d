/// <reference types="node" />
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { type BuiltSnapshot, type SnapshotFile, addPlanned, expandArchives, sortFiles } from '../snapshot/build-snapshot.js';
import { type FileRole, classifyFile, isKnownNodeCommand } from '../snapshot/classify-file.js';
import { type ArchiveLimits, isArchiveName } from '../snapshot/archive/read-archive.js';
import { planImport } from '../snapshot/import/plan-import.js';
import { SnapshotBuilder, normalizePath } from '../snapshot/snapshot-builder.js';
import { headBytes } from '../snapshot/decode-text.js';
import { lazyTextMinChars } from '../snapshot/lazy-text.js';
import { diagnostic } from '../diagnostics.js';
import { SnapshotError } from '../errors.js';
import { FileInWorker } from './file-in-worker.js';
import { ObjectPool } from './object-pool.js';
import { readObjectFileInParallel } from './parallel-objects.js';
import { OutputPreparer } from './prepare-outputs.js';
import { plainAscii, readSameFile, sameFile } from './read-again.js';
import type { StagedObjects } from './list-item-sink.js';
import { cutObjectFile, stageCutObjectFile, streamObjectFile } from './stream-objects.js';

export interface LoadSnapshotOptions {
  /**
   * JSON object files larger than this many bytes are streamed item by item
   * (and each item reduced at once) instead of being read whole. Default 256 MiB:
   * below V8's longest string (~512 MiB), and where reading whole starts to
   * cost more memory than the reduced objects.
   */
  streamThresholdBytes?: number;
  /**
   * JSON object files larger than this many bytes (default 4 MiB) and laid out as `kubectl get -o json`
   * prints them are read item by item, cut at the items' boundaries (kubectl-list-cutter.ts): less
   * CPU and memory than one JSON.parse of the file, the same objects. Other files up to
   * `streamThresholdBytes` are read whole, as before.
   */
  cutThresholdBytes?: number;
  /** Called after each file is read (for a progress display). */
  onProgress?: (progress: LoadProgress) => void;
  /** Limits for a `.tar.gz` / `.tgz` / `.tar` snapshot (entry count, expanded size). */
  archiveLimits?: ArchiveLimits;
  /**
   * Worker threads that parse and reduce large JSON object files (default 0: all in this thread;
   * `availableParallelism()` is the natural choice). They start only when the JSON object files
   * of at least `parallelMinBytes` add up to `poolMinBytes`; the snapshot is the same either way.
   * Off by default until measured on an idle machine (docs/performance.md).
   */
  workers?: number;
  /** JSON object files at least this large go to the workers (default 4 MiB). */
  parallelMinBytes?: number;
  /** Start workers only for this many bytes of such files (default 32 MiB): below it, starting them costs more than they save. */
  poolMinBytes?: number;
  /** Bytes of whole List items per worker task (default 8 MiB). */
  parallelRangeBytes?: number;
  /**
   * Read the largest object file that is read item by item (pods.json) in one worker thread while
   * this thread reads the files before it (file-in-worker.ts). The snapshot is the same either way.
   * Default: when that file is at least 64 MiB (below, starting a thread costs more than it saves)
   * and the machine has a second core (`availableParallelism()` > 1); `true` for any size, `false` never.
   */
  streamInWorker?: boolean;
  /**
   * Node outputs of 1 MiB or more (a large cluster's iptables-save, ipvsadm) are not held in memory
   * after loading, and those of a known command not even read then (only their size, modification
   * time and first 64 KiB): a rule that reads one reads it from its file (lazy-text.ts), so the
   * snapshot directory must stay in place, unchanged, until the analysis ends (a file changed or
   * gone since is an error diagnostic of the rules that read it). `true` holds every text instead.
   * The snapshot reads the same either way.
   */
  holdNodeOutputs?: boolean;
  /**
   * With `streamInWorker`: once this thread has read the files before it, it reads the file's chunks
   * from the end until it meets the worker (item-chunks.ts), so both threads finish together. Default true.
   */
  shareStreamedFile?: boolean;
  /**
   * The largest node outputs the analysis parses (`ipvsadm`, HNS network dumps; prepared-parses.ts),
   * when not read at load, are read and parsed by the worker that read pods.json (`streamInWorker`)
   * once it is done, while this thread analyses (prepare-outputs.ts): the same results, on a second
   * core. Default true; `false` never. The worker does not keep the process alive.
   */
  prepareOutputs?: boolean;
}

export interface LoadProgress {
  /** Files read so far, of `totalFiles`. */
  files: number;
  totalFiles: number;
  /** Bytes read so far, of `totalBytes`. */
  bytes: number;
  totalBytes: number;
}

export const defaultStreamThresholdBytes = 256 * 1024 * 1024;
export const defaultCutThresholdBytes = 4 * 1024 * 1024;
export const defaultStreamInWorkerMinBytes = 64 * 1024 * 1024;
export const defaultParallelMinBytes = 4 * 1024 * 1024;
export const defaultPoolMinBytes = 32 * 1024 * 1024;

interface FoundFile {
  path: string;
  full: string;
  size: number;
}

/**
 * Loads a snapshot directory (layout of snapshot.md) or a single JSON/YAML
 * file, or a capture in another shape: a `kubectl cluster-info dump` directory or
 * stream, a troubleshoot.sh support bundle directory or `.tar.gz`. Throws
 * SnapshotError only when `path` itself cannot be read; every unreadable file
 * inside becomes a diagnostic. Files of a directory are read one at a time and
 * handed to the builder, so only one file's bytes are held at once (an archive is
 * read whole, within its limits).
 */
export async function loadSnapshot(path: string, options: LoadSnapshotOptions = {}): Promise<BuiltSnapshot> {
  let info;
  try {
    info = await stat(path);
  } catch (cause) {
    throw new SnapshotError('not-found', `cannot read snapshot ${path}: ${(cause as NodeJS.ErrnoException).code ?? 'error'}`, { file: path, cause });
  }
  const builder = new SnapshotBuilder();
  if (!info.isDirectory() && isArchiveName(path)) {
    const bytes = await readFile(path).catch((cause: NodeJS.ErrnoException) => {
      throw new SnapshotError('not-found', `cannot read snapshot ${path}: ${cause.code ?? 'error'}`, { file: path, cause });
    });
    addPlanned(builder, expandArchives([{ path: basename(path), bytes }], options.archiveLimits, (d) => builder.addDiagnostics(...d)));
    return builder.finish();
  }
  const files = info.isDirectory() ? await listFiles(path, path, builder) : [{ path: basename(path), full: path, size: info.size }];
  const threshold = options.streamThresholdBytes ?? defaultStreamThresholdBytes;
  const plan = planImport(files.map((f) => f.path));
  const progress: LoadProgress = { files: 0, totalFiles: files.length, bytes: 0, totalBytes: files.reduce((sum, f) => sum + f.size, 0) };
  const parallelMin = options.parallelMinBytes ?? defaultParallelMinBytes;
  const parallelBytes = files.filter((f) => f.size >= parallelMin && isObjectJson(f, plan.roleOf(f.path))).reduce((sum, f) => sum + f.size, 0);
  const pool = (options.workers ?? 0) > 0 && parallelBytes > 0 && parallelBytes >= (options.poolMinBytes ?? defaultPoolMinBytes) ? ObjectPool.start(options.workers) : undefined;
  const cutFrom = Math.min(threshold, options.cutThresholdBytes ?? defaultCutThresholdBytes);
  const streamed = files.filter((f) => f.size > cutFrom && isObjectJson(f, plan.roleOf(f.path))).sort((a, b) => b.size - a.size)[0];
  const inWorker = streamed !== undefined && (options.streamInWorker ?? (streamed.size >= defaultStreamInWorkerMinBytes && availableParallelism() > 1));
  const background = inWorker && !pool ? { file: streamed, worker: FileInWorker.start(streamed.full, streamed.path, streamed.size <= threshold, options.shareStreamedFile === false ? undefined : { size: streamed.size }) } : undefined;
  // Files after the worker's, read ahead (staged) before this thread takes its share of the worker's file, so both end together.
  const readAhead = new Map<FoundFile, StagedObjects>();
  const preparer = options.prepareOutputs === false ? undefined : new OutputPreparer();
  try {
    const ordered = sortFiles(files);
    for (const [at, file] of ordered.entries()) {
      if (file === background?.file && background.worker) {
        for (const later of ordered.slice(at + 1)) {
          if (!isCutObjectFile(later, plan.roleOf(later.path), { threshold, cutFrom })) continue;
          const staged = await stageCutObjectFile(later.full, later.path, { inFileOrder: true }).catch(() => undefined);
          if (staged) readAhead.set(later, staged);
        }
      }
      const staged = file === background?.file ? await background.worker?.complete() : readAhead.get(file);
      if (staged) staged.commitTo(builder);
      else await addFile(builder, file, plan.roleOf(file.path), { threshold, cutFrom, readAgain: !options.holdNodeOutputs }, file.size >= parallelMin ? pool : undefined, options.parallelRangeBytes, preparer);
      progress.files++;
      progress.bytes += file.size;
      options.onProgress?.({ ...progress });
    }
  } catch (error) {
    await background?.worker?.close();
    throw error;
  } finally {
    await pool?.close();
  }
  // The worker that read pods.json goes on with the node outputs the analysis will parse.
  const worker = background?.worker?.handOver();
  if (worker && !preparer?.start(worker)) await worker.terminate();
  return builder.finish();
}

function isObjectJson(file: FoundFile, role: FileRole | undefined): boolean {
  return /\.json$/i.test(file.path) && (role ?? classifyFile(file.path)).role === 'objects';
}

/** An object file read item by item at kubectl's boundaries (kubectl-list-cutter.ts): above `cutFrom`, not so large it is streamed. */
function isCutObjectFile(file: FoundFile, role: FileRole | undefined, sizes: { threshold: number; cutFrom: number }): boolean {
  return file.size > sizes.cutFrom && file.size <= sizes.threshold && isObjectJson(file, role);
}

async function addFile(
  builder: SnapshotBuilder,
  file: FoundFile,
  role: FileRole | undefined,
  sizes: { threshold: number; cutFrom: number; readAgain: boolean },
  pool: ObjectPool | undefined,
  rangeBytes?: number,
  preparer?: OutputPreparer,
): Promise<void> {
  try {
    if (pool && isObjectJson(file, role) && (await readObjectFileInParallel(pool, file.full, normalizePath(file.path), builder, rangeBytes))) return;
    if (file.size > sizes.threshold && isObjectJson(file, role)) {
      if (await streamObjectFile(file.full, file.path, builder)) return;
    } else if (isCutObjectFile(file, role, sizes)) {
      // Not kubectl's layout, or not valid JSON: read whole below, as a file of this size always was.
      if (await cutObjectFile(file.full, file.path, builder, { inFileOrder: true })) return;
    }
    if (role?.role === 'skipped') return builder.addFile({ path: file.path }, role);
    const nodeCommand = role ?? classifyFile(normalizePath(file.path));
    if (sizes.readAgain && file.size >= lazyTextMinChars && isKnownNodeCommand(nodeCommand)) return builder.addFile(await openUnread(file, nodeCommand.command, preparer), role);
    if (sizes.readAgain && file.size >= lazyTextMinChars && !isObjectJson(file, role)) return builder.addFile(await readRereadable(file), role);
    builder.addFile({ path: file.path, bytes: await readFile(file.full) }, role);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const tooLarge = code === 'ERR_STRING_TOO_LONG' || code === 'ERR_FS_FILE_TOO_LARGE' || cause instanceof RangeError;
    builder.addDiagnostics(
      tooLarge
        ? diagnostic('error', 'too-large', `file of ${file.size} bytes is too large to read as one text; save it as JSON (kubectl -o json) so it can be streamed`, { file: file.path })
        : diagnostic('error', 'unreadable', `cannot read: ${code ?? 'error'}`, { file: file.path }),
    );
  }
}

/**
 * A large file that is not an object List, with a way to read it again: the builder then keeps a
 * large node output's text only while a rule uses it (lazy-text.ts). Read again only when it is
 * still the file that was read (same size and modification time).
 */
async function readRereadable(file: FoundFile): Promise<SnapshotFile> {
  const handle = await open(file.full);
  try {
    const { size, mtimeMs } = await handle.stat();
    const bytes = await handle.readFile();
    return { path: file.path, bytes, readAgain: () => readSameFile(file.full, file.path, size, mtimeMs) };
  } finally {
    await handle.close();
  }
}

/**
 * A large node output left unread (the builder reads it when a rule does, lazy-text.ts): its size,
 * modification time and first `headBytes`, and ways to read it again while it is still that file.
 */
async function openUnread(file: FoundFile, command: string, preparer: OutputPreparer | undefined): Promise<SnapshotFile> {
  const handle = await open(file.full);
  try {
    const { size, mtimeMs } = await handle.stat();
    const head = new Uint8Array(Math.min(size, headBytes));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const prepared = preparer?.register({ full: file.full, path: normalizePath(file.path), size, mtimeMs }, command);
    return {
      path: file.path,
      readAgain: () => readSameFile(file.full, file.path, size, mtimeMs),
      unread: { size, head: head.subarray(0, bytesRead), isPlainAscii: () => sameFile(file.full, file.path, size, mtimeMs, plainAscii), ...(prepared ? { prepared } : {}) },
    };
  } finally {
    await handle.close();
  }
}

async function listFiles(root: string, dir: string, builder: SnapshotBuilder): Promise<FoundFile[]> {
  const out: FoundFile[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (cause) {
    builder.addDiagnostics(diagnostic('error', 'unreadable', `cannot list directory: ${(cause as NodeJS.ErrnoException).code ?? 'error'}`, { file: dir }));
    return out;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(root, full, builder)));
    else if (entry.isFile()) {
      const size = await stat(full).then((s) => s.size, () => 0);
      out.push({ path: relative(root, full).split(sep).join('/'), full, size });
    }
  }
  return out;
}
