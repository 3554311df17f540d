import { MissingDataError } from '../../errors.js';
import { parseProcesses } from '../../parsers/linux/processes.js';
import type { SnapshotIndex } from '../snapshot-index.js';

/**
 * A Windows node's process list (`nodes/<node>/processes`) and its file, read once through the index's
 * parse cache; missing or empty, the node is not evaluated with what to capture.
 */
export function windowsNodeProcesses(index: SnapshotIndex, node: string) {
  const file = index.nodeOutputs(node)?.commands['processes'];
  if (!file) throw new MissingDataError('nodes/<node>/processes: Get-CimInstance Win32_Process | Select ProcessId,CommandLine (or ps -eo pid,args) on each Windows node');
  const processes = index.parseResult(file, parseProcesses).value.processes;
  if (processes.length === 0) {
    throw new MissingDataError('nodes/<node>/processes: a readable process list (Get-CimInstance Win32_Process | Select ProcessId,CommandLine | ConvertTo-Json)');
  }
  return { file, processes };
}
