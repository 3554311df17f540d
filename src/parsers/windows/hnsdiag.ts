import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { cappedWarnings, numberedLines } from '../capped-warnings.js';
import { type ParseOptions, defineParser } from '../define-parser.js';

const line = z.number().int().positive();

export const HnsdiagNetwork = z.object({ name: z.string(), id: z.string(), line });
export const HnsdiagEndpoint = z.object({ name: z.string(), id: z.string(), virtualNetworkName: z.string().optional(), line });
export const HnsdiagLoadBalancer = z.object({
  id: z.string(),
  /** Empty for the node-port load balancers kube-proxy creates. */
  virtualIps: z.array(z.string()),
  directIpIds: z.array(z.string()),
  line,
});

export const HnsdiagValue = z.object({
  /** Which listing the file holds; `all` for `hnsdiag list all` (several sections). */
  listing: z.enum(['networks', 'endpoints', 'loadbalancers', 'all', 'unknown']),
  networks: z.array(HnsdiagNetwork),
  endpoints: z.array(HnsdiagEndpoint),
  loadBalancers: z.array(HnsdiagLoadBalancer),
});
export type HnsdiagValue = z.infer<typeof HnsdiagValue>;

type Section = 'networks' | 'endpoints' | 'namespaces' | 'loadbalancers';

const guid = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
// The name column is 16 wide, but a longer name pushes the id right with a single space:
// `fe83824bf7b9e3989f9abcc8306dde3926a6130c2ede016ffd0f09836f8f8867 74B299E4-84A8-41EE-8EA7-C894522C7027`.
const networkRow = new RegExp(`^(.*?)\\s+(${guid})\\s*$`);
const endpointRow = new RegExp(`^(.*?)\\s+(${guid})(?:\\s+(.*?))?\\s*$`);
// A Map, not an object literal: a line reading `constructor` or `__proto__` must not find Object's members.
const titles = new Map<string, Section>([['networks:', 'networks'], ['endpoints:', 'endpoints'], ['namespaces:', 'namespaces'], ['loadbalancers:', 'loadbalancers']]);

/** The column header that starts each listing, which names the listing when there is no title line. */
function headerSection(text: string): Section | undefined {
  const words = text.split(/[\s|]+/).filter(Boolean).join(' ').toLowerCase();
  if (words === 'name id') return 'networks';
  if (words === 'name id virtual network name') return 'endpoints';
  if (words === 'id endpoint ids') return 'namespaces';
  if (words === 'id virtual ips direct ip ids') return 'loadbalancers';
  return undefined;
}

const emptyValue = (): HnsdiagValue => ({ listing: 'unknown', networks: [], endpoints: [], loadBalancers: [] });

export const hnsdiagParser = defineParser<HnsdiagValue>({
  id: 'hnsdiag',
  command: 'hnsdiag list networks | hnsdiag list endpoints | hnsdiag list loadbalancers (or list all)',
  description: 'The HNS networks, endpoints and load balancers hnsdiag lists (names and ids, endpoint networks, load balancer VIPs and backends); detects which listing a file holds.',
  schema: HnsdiagValue,
  example: [
    'Name             ID',
    'nat              B5083512-BE1D-4326-B58F-56CA5154E8D5',
    'External         6F7E13A2-8ADE-48EE-844E-AC0B0AFF235D',
    'vxlan0           705B6B4D-E2F2-421A-B31B-E3C5E8831944',
  ].join('\n'),
  empty: emptyValue,
  parse(text, { file }) {
    const value = emptyValue();
    const warnings = cappedWarnings(file);
    const diagnostics: Diagnostic[] = [];
    const seen = new Set<Section>();
    let section: Section | undefined;
    for (const { text: raw, line } of numberedLines(text)) {
      const trimmed = raw.trim();
      if (trimmed === '') continue;
      const titled = titles.get(trimmed.toLowerCase()) ?? headerSection(trimmed);
      if (titled) {
        section = titled;
        seen.add(titled);
        continue;
      }
      if (/^[{[]/.test(trimmed) && section === undefined) {
        const message = 'a detailed listing (hnsdiag list … -d) prints JSON, which this parser does not read; capture it without -d, or Get-HnsNetwork | ConvertTo-Json as hns-networks.json';
        diagnostics.push(diagnostic('error', 'hnsdiag-detailed-listing', message, { file, line }));
        return { value, diagnostics };
      }
      if (!readRow(value, section, trimmed, line)) {
        const listing = section === undefined ? 'an hnsdiag listing (no header before it)' : `the hnsdiag ${section} listing`;
        warnings.warn('unrecognised-line', `line not recognised as a row of ${listing}`, line);
      }
    }
    const listings = [...seen].filter((s) => s !== 'namespaces');
    value.listing = seen.size > 1 ? 'all' : (listings[0] ?? 'unknown');
    if (seen.size === 0 && text.trim() !== '') {
      diagnostics.push(diagnostic('error', 'unrecognised-input', 'no hnsdiag listing header (Name ID, or ID | Virtual IPs | Direct IP IDs) found', { file }));
    }
    return { value, diagnostics: [...diagnostics, ...warnings.finish()] };
  },
});

export function parseHnsdiag(text: string, options?: ParseOptions) {
  return hnsdiagParser.parse(text, options);
}

function readRow(value: HnsdiagValue, section: Section | undefined, text: string, line: number): boolean {
  if (section === 'networks') {
    const match = networkRow.exec(text);
    if (match) value.networks.push({ name: match[1] ?? '', id: match[2] ?? '', line });
    return match !== null;
  }
  if (section === 'endpoints') {
    const match = endpointRow.exec(text);
    if (!match) return false;
    const endpoint: z.infer<typeof HnsdiagEndpoint> = { name: match[1] ?? '', id: match[2] ?? '', line };
    if (match[3]) endpoint.virtualNetworkName = match[3];
    value.endpoints.push(endpoint);
    return true;
  }
  const cells = text.split('|').map((cell) => cell.trim());
  const [id = '', first = '', second] = cells;
  if (!new RegExp(`^${guid}$`).test(id)) return false;
  if (section === 'loadbalancers' && second !== undefined) {
    const list = (cell: string) => cell.split(/\s+/).filter(Boolean);
    value.loadBalancers.push({ id, virtualIps: list(first), directIpIds: list(second), line });
    return true;
  }
  return section === 'namespaces';
}
