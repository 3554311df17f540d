import { MissingDataError } from '../../errors.js';
import { logMessageIds } from '../../parsers/logs/log-line-catalog.js';
import { type LogMessage, parseLogLines } from '../../parsers/logs/log-lines.js';
import { defineFact } from '../define.js';

interface MessageSummary {
  count: number;
  /** Log components (file names under logs/) it appeared in. */
  components: string[];
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  fields: Record<string, string[]>;
}

/**
 * Known error lines in the node's logs (logs/<component>.log), by message id. `lastLine` holds
 * every catalog id (0 when absent) so a rule can ask which of two messages came last, e.g. a
 * kube-proxy that printed `Using ipvs Proxier` after an earlier fallback to iptables.
 */
export const nodeLogMessages = defineFact({
  id: 'nodeLogMessages',
  subject: 'Node',
  description:
    'Known log lines (log-lines catalog) in the node\'s logs/<component>.log files: the ids found, per id its count, components, first/last timestamp and extracted fields, and the last line of every catalog id (0 when absent).',
  reads: ['nodes/<node>/logs/<component>.log'],
  compute: (node, index) => {
    const logs = Object.entries(index.nodeOutputs(node.name)?.logs ?? {}).sort(([a], [b]) => a.localeCompare(b));
    if (logs.length === 0) throw new MissingDataError('nodes/<node>/logs/<component>.log: logs of kube-proxy, kubelet, the CNI (flanneld, terway) … on each node');
    const byId: Record<string, MessageSummary> = {};
    const lastLine: Record<string, number> = Object.fromEntries(logMessageIds.map((id) => [id, 0]));
    const messages: (LogMessage & { log: string })[] = [];
    let source: { file: string; line?: number } = { file: logs[0]?.[1].file ?? '' };
    for (const [component, file] of logs) {
      for (const message of index.parsed(file, parseLogLines).messages) {
        messages.push({ ...message, log: component });
        if (messages.length === 1) source = { file: file.file, line: message.firstLine };
        lastLine[message.id] = Math.max(lastLine[message.id] ?? 0, message.lastLine);
        const summary = (byId[message.id] ??= { count: 0, components: [], firstTimestamp: null, lastTimestamp: null, fields: {} });
        summary.count += message.count;
        if (!summary.components.includes(component)) summary.components.push(component);
        summary.firstTimestamp ??= message.firstTimestamp ?? null;
        summary.lastTimestamp = message.lastTimestamp ?? summary.lastTimestamp;
        for (const [name, values] of Object.entries(message.fields)) {
          const kept = (summary.fields[name] ??= []);
          for (const value of values) if (!kept.includes(value)) kept.push(value);
        }
      }
    }
    return { components: logs.map(([component]) => component), ids: Object.keys(byId), byId, lastLine, messages, source };
  },
});
