import { MissingDataError } from '../../errors.js';
import { parseDmesg } from '../../parsers/linux/dmesg.js';
import { defineFact } from '../define.js';

/** `nf_conntrack: table full, dropping packet` in a node's dmesg (ACK "如何提升Linux连接跟踪Conntrack数量限制?"). */
export const conntrackTableFull = defineFact({
  id: 'conntrackTableFull',
  subject: 'Node',
  description: 'Count, first and last occurrence of the conntrack "table full, dropping packet" kernel message in the node\'s dmesg.',
  reads: ['nodes/<node>/dmesg'],
  compute: (node, index) => {
    const file = index.nodeOutputs(node.name)?.commands.dmesg;
    if (!file) throw new MissingDataError('nodes/<node>/dmesg (dmesg -T on each node)');
    const full = index.parsed(file, parseDmesg).conntrackTableFull;
    return {
      count: full.count,
      suppressed: full.suppressedCallbacks ?? 0,
      first: full.firstTimestamp ?? 'unknown',
      last: full.lastTimestamp ?? 'unknown',
      source: { file: file.file, ...(full.firstLine === undefined ? {} : { line: full.firstLine }) },
    };
  },
});
