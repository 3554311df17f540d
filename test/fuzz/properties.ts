import { analyze } from '../../src/analyze.js';
import { Diagnostic } from '../../src/diagnostics.js';
import { Report } from '../../src/findings/schema.js';
import type { Parser } from '../../src/parsers/define-parser.js';
import { buildSnapshot, type SnapshotFile } from '../../src/snapshot/build-snapshot.js';
import { formatJson } from '../../src/reporters/json.js';

/**
 * Longest a parser may take on one fuzz input: 5 s plus 0.1 ms a character (21 s for 160 KB;
 * they take well under a second alone) of CPU time, not wall time: a long run at `nice -n 19`
 * on a busy machine waits for the CPU for many times what it computes (seen: 17.9 s wall for a
 * parse of 0.64 s). Exponential backtracking or a quadratic scan of a huge line still overshoots it.
 */
export const slowParseMs = (chars: number) => 5_000 + chars * 0.1;

/**
 * What every exported parser promises on any text: it returns (never throws, never crashes
 * through its own safety net), its value matches its schema, and each diagnostic is well formed
 * and names the file it was given.
 */
export function checkParser(parser: Parser<unknown>, text: string): void {
  const started = process.cpuUsage();
  const result = parser.parse(text, { file: 'fuzz/input' });
  const used = process.cpuUsage(started);
  const took = (used.user + used.system) / 1_000;
  if (took > slowParseMs(text.length)) throw new Error(`${parser.id} took ${Math.round(took)} ms of CPU on ${text.length} characters`);
  const crashed = result.diagnostics.find((d) => d.code === 'parser-crashed');
  if (crashed) throw new Error(`${parser.id}: ${crashed.message}`);
  const value = parser.schema.safeParse(result.value);
  if (!value.success) throw new Error(`${parser.id}: value does not match its schema: ${value.error.issues[0]?.message} at ${value.error.issues[0]?.path.join('.')}`);
  for (const d of result.diagnostics) {
    if (!Diagnostic.safeParse(d).success) throw new Error(`${parser.id}: malformed diagnostic ${JSON.stringify(d)}`);
    if (d.file !== 'fuzz/input') throw new Error(`${parser.id}: diagnostic ${d.code} does not name the file`);
  }
}

/**
 * buildSnapshot and analyze on any files: no exception, a report that matches its schema,
 * and the same bytes of JSON whatever the order the files come in.
 */
export async function checkSnapshot(files: SnapshotFile[]): Promise<void> {
  const built = buildSnapshot(files);
  const report = await analyze(built.snapshot, { diagnostics: built.diagnostics });
  const parsed = Report.safeParse(report);
  if (!parsed.success) throw new Error(`report does not match its schema: ${parsed.error.issues[0]?.message} at ${parsed.error.issues[0]?.path.join('.')}`);
  if (report.diagnostics.some((d) => d.code === 'parser-crashed' || d.code === 'rule-failed')) {
    throw new Error(`internal failure: ${report.diagnostics.filter((d) => d.code === 'parser-crashed' || d.code === 'rule-failed').map((d) => d.message).join('; ')}`);
  }
  const reversed = buildSnapshot([...files].reverse());
  const again = await analyze(reversed.snapshot, { diagnostics: reversed.diagnostics });
  if (formatJson(again) !== formatJson(report)) throw new Error('the report depends on the order of the files');
}
