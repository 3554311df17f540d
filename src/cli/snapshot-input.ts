import { buildSnapshot, type BuiltSnapshot } from '../snapshot/build-snapshot.js';
import { NetdoctorError } from '../errors.js';
import type { Diagnostic } from '../diagnostics.js';
import { loadSnapshot } from '../node/load-snapshot.js';
import { isEmptySnapshot } from '../snapshot/is-empty-snapshot.js';
import { UsageError } from './exit-codes.js';
import type { CliIo } from './io.js';
import { snapshotFormatUrl } from './options.js';
import type { Progress } from './progress.js';

/** `-` is standard input: one JSON or YAML file. */
export const stdinPath = '-';

/**
 * Loads the snapshot the user named. Exit 2 (a UsageError) when it cannot be
 * read at all or nothing in it could be loaded, with the reason.
 */
export async function readSnapshot(path: string, io: CliIo, progress: Progress): Promise<BuiltSnapshot> {
  let loaded: BuiltSnapshot;
  if (path === stdinPath) {
    if (!io.readStdin) throw new UsageError('cannot read standard input here');
    const bytes = await io.readStdin();
    // The name decides how the file is read: JSON gets JSON's error messages.
    const first = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart()[0];
    loaded = buildSnapshot([{ path: first === '{' || first === '[' ? 'stdin.json' : 'stdin.yaml', bytes }]);
  } else {
    try {
      loaded = await loadSnapshot(path, { onProgress: (p) => progress.loading(p) });
    } catch (error) {
      if (error instanceof NetdoctorError) throw new UsageError(error.message, `(a snapshot is a directory laid out as in ${snapshotFormatUrl}, or one JSON/YAML file)`);
      throw error;
    }
  }
  if (isEmptySnapshot(loaded.snapshot)) {
    progress.done();
    throw new UsageError(nothingLoaded(path === stdinPath ? 'standard input' : path, loaded.diagnostics), `(a snapshot is a directory laid out as in ${snapshotFormatUrl}, or one JSON/YAML file)`);
  }
  return loaded;
}

function nothingLoaded(where: string, diagnostics: readonly Diagnostic[]): string {
  const files = new Set(diagnostics.map((d) => d.file).filter(Boolean));
  if (files.size === 0) return `nothing to analyse in ${where}: no files found`;
  const ignored = diagnostics.filter((d) => d.code === 'ignored-file');
  const problems = diagnostics.filter((d) => d.severity !== 'info' || d.code === 'ignored-file');
  const lines = problems.slice(0, 10).map((d) => `  ${d.file ?? where}${d.line ? `:${d.line}` : ''}: ${d.message}`);
  if (problems.length > 10) lines.push(`  … and ${problems.length - 10} more`);
  const counts = [files.size - new Set(ignored.map((d) => d.file)).size, ignored.length];
  const summary = [counts[0] ? `${counts[0]} could not be read` : '', counts[1] ? `${counts[1]} ignored` : ''].filter(Boolean).join(', ');
  return `nothing could be loaded from ${where} (${files.size} ${files.size === 1 ? 'file' : 'files'}: ${summary}):\n${lines.join('\n')}`;
}
