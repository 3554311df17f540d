import { MissingDataError } from '../../errors.js';
import { parseConntrack } from '../../parsers/linux/conntrack.js';
import { parseDmesg } from '../../parsers/linux/dmesg.js';
import { defineFact } from '../define.js';

/**
 * A node's conntrack state from what was captured: `table full, dropping packet` in dmesg, the
 * counters of `conntrack -S`, and the table of `conntrack -L` with the share of DNS entries
 * (ACK: many DNS entries → NodeLocal DNSCache). Parts not captured are null.
 */
export const nodeConntrack = defineFact({
  id: 'nodeConntrack',
  subject: 'Node',
  description:
    'Conntrack state of the node: dmesg "table full" count and span, conntrack -S insert_failed/drop/early_drop totals, conntrack -L entry count and DNS (port 53) share; null where not captured.',
  reads: ['nodes/<node>/dmesg', 'nodes/<node>/conntrack'],
  compute: (node, index) => {
    const outputs = index.nodeOutputs(node.name)?.commands ?? {};
    const { dmesg, conntrack } = outputs;
    if (!dmesg && !conntrack) throw new MissingDataError('nodes/<node>/dmesg (dmesg -T) or nodes/<node>/conntrack (conntrack -S, conntrack -L) on each node');
    const full = dmesg ? index.parsed(dmesg, parseDmesg).conntrackTableFull : undefined;
    const table = conntrack ? index.parsed(conntrack, parseConntrack) : undefined;
    const totals = table?.stats?.totals;
    const list = table?.list;
    return {
      tableFullCount: full?.count ?? null,
      tableFullSuppressed: full ? (full.suppressedCallbacks ?? 0) : null,
      tableFullFirst: full?.firstTimestamp ?? null,
      tableFullLast: full?.lastTimestamp ?? null,
      conntrackForm: table?.form ?? 'not captured',
      insertFailed: totals?.insertFailed ?? null,
      drop: totals?.drop ?? null,
      earlyDrop: totals?.earlyDrop ?? null,
      entries: list?.total ?? null,
      dnsEntries: list?.dns ?? null,
      dnsPercent: list && list.total > 0 ? Math.round((list.dns / list.total) * 1000) / 10 : null,
      topDestinationPorts: list?.byDestinationPort.slice(0, 5).map((p) => `${p.protocol}/${p.port} ${p.count}`) ?? [],
      source: dmesg
        ? { file: dmesg.file, ...(full?.firstLine === undefined ? {} : { line: full.firstLine }) }
        : { file: conntrack?.file ?? '' },
    };
  },
});
