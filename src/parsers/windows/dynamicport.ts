import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { cappedWarnings, numberedLines } from '../capped-warnings.js';
import { type ParseOptions, defineParser } from '../define-parser.js';

export const DynamicPortRange = z.object({
  protocol: z.enum(['tcp', 'udp', 'unknown']),
  start: z.number().int().positive(),
  count: z.number().int().nonnegative(),
  /** Last port of the range: start + count - 1. */
  end: z.number().int(),
  /** Windows' default range, 49152 with 16384 ports (49152–65535). */
  isDefault: z.boolean(),
  line: z.number().int().positive(),
});
export type DynamicPortRange = z.infer<typeof DynamicPortRange>;

export const DynamicPortValue = z.object({
  ranges: z.array(DynamicPortRange),
  /** The TCP range, the one HNS load balancers reserve their 64-port blocks from. */
  tcp: DynamicPortRange.optional(),
});
export type DynamicPortValue = z.infer<typeof DynamicPortValue>;

export const DEFAULT_DYNAMIC_START = 49152;
export const DEFAULT_DYNAMIC_COUNT = 16384;

// `Protocol tcp Dynamic Port Range` over dashes, then `Start Port      : 49152` and
// `Number of Ports : 16384`. Localised Windows translate the labels (`Startport`, `启动端口`) but
// keep the order and the `tcp`/`udp` token, so values are read by position within a block.
const title = /\b(tcp|udp)\b/i;
const valueLine = /^[^:：]*[:：]\s*(\d+)\s*$/;
const dashes = /^-{5,}$/;

export const dynamicportParser = defineParser<DynamicPortValue>({
  id: 'dynamicport',
  command: 'netsh int ipv4 show dynamicport tcp',
  description: 'The dynamic (ephemeral) port range of a Windows node, per protocol, and whether it is the default 49152–65535.',
  schema: DynamicPortValue,
  example: ['', 'Protocol tcp Dynamic Port Range', '---------------------------------', 'Start Port      : 49152', 'Number of Ports : 16384', ''].join('\n'),
  empty: () => ({ ranges: [] }),
  parse(text, { file }) {
    const value: DynamicPortValue = { ranges: [] };
    const warnings = cappedWarnings(file);
    const diagnostics: Diagnostic[] = [];
    let block: { protocol: DynamicPortRange['protocol']; numbers: number[]; line: number } | undefined;
    const finish = () => {
      if (!block) return;
      const [start, count] = block.numbers;
      if (start === undefined || count === undefined || start < 1) {
        diagnostics.push(diagnostic('warning', 'dynamicport-incomplete', 'a dynamic port block lacks a valid start port or number of ports (cut off?)', { file, line: block.line }));
      } else {
        const isDefault = start === DEFAULT_DYNAMIC_START && count === DEFAULT_DYNAMIC_COUNT;
        value.ranges.push({ protocol: block.protocol, start, count, end: start + count - 1, isDefault, line: block.line });
      }
      block = undefined;
    };
    const lines = numberedLines(text);
    for (const [i, { text: raw, line }] of lines.entries()) {
      const trimmed = raw.trim();
      if (trimmed === '' || dashes.test(trimmed)) continue;
      if (dashes.test(lines[i + 1]?.text.trim() ?? '')) {
        finish();
        const protocol = title.exec(trimmed)?.[1]?.toLowerCase();
        block = { protocol: protocol === 'tcp' || protocol === 'udp' ? protocol : 'unknown', numbers: [], line };
        continue;
      }
      const number = valueLine.exec(trimmed);
      if (block && number && block.numbers.length < 2) block.numbers.push(Number(number[1]));
      else warnings.warn('unrecognised-line', 'line not recognised as part of netsh dynamic port output', line);
    }
    finish();
    const tcp = value.ranges.find((range) => range.protocol === 'tcp');
    if (tcp) value.tcp = tcp;
    if (value.ranges.length === 0 && text.trim() !== '') {
      diagnostics.push(diagnostic('error', 'unrecognised-input', 'no dynamic port range found (netsh int ipv4 show dynamicport tcp)', { file }));
    }
    return { value, diagnostics: [...diagnostics, ...warnings.finish()] };
  },
});

export function parseDynamicport(text: string, options?: ParseOptions) {
  return dynamicportParser.parse(text, options);
}
