import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';
import { findLogMessage } from '../logs/find-log-message.js';
import { nodeEventsMatching, summariseEvents } from '../logs/node-events-matching.js';

const wrongDiskette = /hnsCall failed in Win32: The wrong diskette is in the drive/i;

/**
 * `hnsCall failed in Win32: The wrong diskette is in the drive` (我看到「hnsCall 在 Win32 中失敗:磁碟驅動器中有錯誤的
 * 磁碟驅動器」之類的錯誤。): HNS objects created before an update are incompatible with the installed HNS.
 * Looked for in the node's logs and in the events of the node and its pods.
 */
export const windowsHnsStaleObjects = defineFact({
  id: 'windowsHnsStaleObjects',
  subject: 'Node',
  description:
    'The "hnsCall failed in Win32: The wrong diskette is in the drive" error in the node\'s logs (count, file) and in events of the node or its pods (count, objects); null where logs or events were not captured.',
  reads: ['nodes/<node>/logs/*.log', 'Events message'],
  compute: (node, index) => {
    const logged = findLogMessage(index, node.name, 'hnsWrongDiskette');
    const eventsCaptured = index.snapshot.captured.includes('Event');
    if (logged === undefined && !eventsCaptured) {
      throw new MissingDataError('nodes/<node>/logs/<component>.log (kubelet, kube-proxy, flanneld) of each Windows node, or kubectl get events -A -o json > events.json');
    }
    const events = eventsCaptured ? summariseEvents(nodeEventsMatching(index, wrongDiskette).get(node.name) ?? []) : undefined;
    const inLogs = logged?.count ?? 0;
    const inEvents = events?.count ?? 0;
    const where = [
      ...(logged ? [`${logged.count} time${logged.count === 1 ? '' : 's'} in ${logged.file}`] : []),
      ...(events && inEvents > 0 ? [`${inEvents} time${inEvents === 1 ? '' : 's'} in events of ${events.objects.join(', ')}`] : []),
    ];
    return {
      found: inLogs + inEvents > 0,
      where: where.join('; '),
      logCount: logged === undefined ? null : inLogs,
      eventCount: events === undefined ? null : inEvents,
      source: logged ? { file: logged.file, line: logged.line } : (events?.source ?? node.source),
    };
  },
});
