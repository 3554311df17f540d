import { parseLogLines } from '../../parsers/logs/log-lines.js';
import type { SnapshotIndex } from '../snapshot-index.js';

export interface FoundLogMessage {
  count: number;
  /** The log file and the first line where it appeared. */
  file: string;
  line: number;
  lastTimestamp: string | null;
}

/**
 * One catalog message (parsers/logs/log-line-catalog.ts) across a node's logs/<component>.log files:
 * `undefined` when no log was captured, `null` when the logs were captured and it is not in them.
 */
export function findLogMessage(index: SnapshotIndex, node: string, id: string): FoundLogMessage | null | undefined {
  const logs = Object.entries(index.nodeOutputs(node)?.logs ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (logs.length === 0) return undefined;
  let found: FoundLogMessage | null = null;
  for (const [, file] of logs) {
    const message = index.parsed(file, parseLogLines).messages.find((m) => m.id === id);
    if (!message) continue;
    if (!found) found = { count: 0, file: file.file, line: message.firstLine, lastTimestamp: null };
    found.count += message.count;
    found.lastTimestamp = message.lastTimestamp ?? found.lastTimestamp;
  }
  return found;
}
