import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { cappedWarnings, numberedLines } from '../capped-warnings.js';
import { type ParseOptions, defineParser } from '../define-parser.js';

/** CollectLogs.ps1's PortReservationTest.ps1 tries this many reservations, as HNS would. */
export const RESERVATION_ATTEMPTS = 10;
export const RESERVATION_BLOCK = 64;

export const ReservedPortsValue = z.object({
  /** Reservations of 64 TCP ephemeral ports that succeeded, out of 10 attempted. */
  reserved: z.number().int().nonnegative().optional(),
  attempted: z.literal(RESERVATION_ATTEMPTS),
  /** Fewer than 10 succeeded: the ephemeral pool has run out of room (the Windows guide's signal). */
  exhausted: z.boolean().optional(),
  reservedLine: z.number().int().positive().optional(),
  /** The script's rough estimate of how many 64-port blocks may still be allocated; 0 after its `ERROR: Running out of ephemeral ports`. */
  estimatedBlocks: z.number().int().nonnegative().optional(),
  estimateLine: z.number().int().positive().optional(),
});
export type ReservedPortsValue = z.infer<typeof ReservedPortsValue>;

// The lines CollectLogs.ps1 (microsoft/SDN Kubernetes/windows/debug) writes, estimate first:
//   Rough estimation of the ephemeral port availability: up to 212 allocations of 64 contiguous TCP ports may be possible.
//   ERROR: Running out of ephemeral ports. The ephemeral ports range doesn't have enough resources to allow allocating 64 contiguous TCP ports.
//   Successfully reserved 10 ranges of 64 ports
//   Couldn't reserve more than 3 ranges of 64 ports
const estimate = /up to (\d+) allocations of 64 contiguous TCP ports/i;
const outOfPorts = /^ERROR: Running out of ephemeral ports/i;
const allReserved = /^Successfully reserved (\d+) ranges of 64 ports/i;
const someReserved = /^Couldn.?t reserve more than (\d+) ranges of 64 ports/i;

export const reservedportsParser = defineParser<ReservedPortsValue>({
  id: 'reservedports',
  command: 'reservedports.txt written by CollectLogs.ps1 (microsoft/SDN Kubernetes/windows/debug)',
  description:
    'How many of 10 reservations of 64 TCP ephemeral ports succeeded (fewer than 10: the pool HNS load balancers draw from is exhausted), and the script\'s estimate of free 64-port blocks.',
  schema: ReservedPortsValue,
  example: [
    'Rough estimation of the ephemeral port availability: up to 3 allocations of 64 contiguous TCP ports may be possible.',
    '',
    "Couldn't reserve more than 3 ranges of 64 ports",
  ].join('\n'),
  empty: () => ({ attempted: RESERVATION_ATTEMPTS }),
  parse(text, { file }) {
    const value: ReservedPortsValue = { attempted: RESERVATION_ATTEMPTS };
    const warnings = cappedWarnings(file);
    const diagnostics: Diagnostic[] = [];
    for (const { text: raw, line } of numberedLines(text)) {
      const trimmed = raw.trim();
      if (trimmed === '') continue;
      const blocks = estimate.exec(trimmed);
      const reserved = allReserved.exec(trimmed) ?? someReserved.exec(trimmed);
      if (blocks || outOfPorts.test(trimmed)) {
        value.estimatedBlocks = blocks ? Number(blocks[1]) : 0;
        value.estimateLine = line;
      } else if (reserved) {
        value.reserved = Math.min(Number(reserved[1]), RESERVATION_ATTEMPTS);
        value.exhausted = value.reserved < RESERVATION_ATTEMPTS;
        value.reservedLine = line;
      } else {
        warnings.warn('unrecognised-line', 'line is neither the port estimate nor the reservation result of CollectLogs.ps1 (an error of the script?)', line);
      }
    }
    if (value.reserved === undefined && value.estimatedBlocks === undefined && text.trim() !== '') {
      diagnostics.push(diagnostic('error', 'unrecognised-input', 'no port reservation result or estimate found', { file }));
    } else if (value.reserved === undefined && text.trim() !== '') {
      diagnostics.push(diagnostic('warning', 'reservation-result-missing', 'the estimate is there but the reservation test result is not (the test failed or the file is cut)', { file }));
    }
    return { value, diagnostics: [...diagnostics, ...warnings.finish()] };
  },
});

export function parseReservedports(text: string, options?: ParseOptions) {
  return reservedportsParser.parse(text, options);
}
