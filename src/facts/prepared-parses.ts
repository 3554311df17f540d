import { scanIpvsadmForwarding } from '../parsers/linux/ipvsadm-forwarding-scan.js';
import { parseHnsNetworks } from '../parsers/windows/hns-networks.js';

/**
 * The parses of large node outputs a loader may run ahead of the analysis, in another thread (the
 * Node entry's prepare-outputs.ts), by the node output (command) each reads: the only parse the
 * facts run over that output, and the largest share of an analysis's time where they apply (20
 * `ipvsadm` of ~5 MB, HNS network dumps of a few MB). A result handed over this way is the one the
 * parse gives on the text this thread would read (decoded and masked the same way, lazy-text.ts);
 * whatever else asks for the file still reads it here.
 */
export const preparedParses = {
  ipvsadm: scanIpvsadmForwarding,
  'hns-networks': parseHnsNetworks,
} as const;

export type PreparedCommand = keyof typeof preparedParses;

const commandOf = new Map<unknown, PreparedCommand>(Object.entries(preparedParses).map(([command, parse]) => [parse, command as PreparedCommand]));

/** The command whose output `parse` may have been parsed ahead, if it is one of them. */
export function preparedCommandOf(parse: unknown): PreparedCommand | undefined {
  return commandOf.get(parse);
}

export function isPreparedCommand(command: string): command is PreparedCommand {
  return Object.hasOwn(preparedParses, command);
}
