import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { type ParseOptions, defineParser } from '../define-parser.js';
import { type Path, fieldOf, isRecord } from '../configs/go-json-values.js';
import { textOf } from './hns-objects.js';
import { parseStructuredOne } from '../structured-text.js';

export const SourceVipValue = z.object({
  cniVersion: z.string().optional(),
  /** The source VIP kube-proxy is started with (`--source-vip`), without prefix: `10.244.3.2`. */
  address: z.string().optional(),
  /** As host-local returned it, with the pod subnet's prefix: `10.244.3.2/24`. */
  cidr: z.string().optional(),
  gateway: z.string().optional(),
  mac: z.string().optional(),
  line: z.number().int().positive().optional(),
});
export type SourceVipValue = z.infer<typeof SourceVipValue>;

export const sourcevipParser = defineParser<SourceVipValue>({
  id: 'sourcevip',
  command: 'C:\\k\\SourceVip.json (the host-local IPAM result flannel overlay start scripts save for kube-proxy --source-vip)',
  description: 'The source VIP of a Windows overlay node: the address host-local allocated from the node\'s pod subnet (CNI 0.2.0 `ip4.ip` or 0.3+ `ips[].address`), with gateway and MAC.',
  schema: SourceVipValue,
  example: `{
    "cniVersion": "0.2.0",
    "ip4": {
        "ip": "10.244.3.2/24",
        "gateway": "10.244.3.1"
    },
    "dns": {}
}`,
  empty: () => ({}),
  parse(text, { file }) {
    const value: SourceVipValue = {};
    const { document, diagnostics } = parseStructuredOne(text, { file });
    if (!document) return { value, diagnostics };
    const root = document.value;
    const problem = (code: string, message: string, path: Path = []): Diagnostic =>
      diagnostic('error', code, message, { file, line: document.lineOf(path) ?? document.line });
    if (!isRecord(root)) return { value, diagnostics: [...diagnostics, problem('sourcevip-not-an-object', 'SourceVip.json is not a JSON object')] };
    // When host-local fails, the start script saves its error result instead: { "code": 11, "msg": "…" }.
    if (fieldOf(root, 'code') !== undefined && fieldOf(root, 'msg') !== undefined) {
      return { value, diagnostics: [...diagnostics, problem('sourcevip-ipam-error', 'SourceVip.json holds a host-local error result, not an address; kube-proxy gets no source VIP')] };
    }
    const version = textOf(root, 'cniVersion');
    if (version !== undefined) value.cniVersion = version;
    const ip4 = fieldOf(root, 'ip4');
    const ips = fieldOf(root, 'ips');
    let cidr: string | undefined;
    let at: Path = [];
    if (isRecord(ip4?.value)) {
      cidr = textOf(ip4.value, 'ip');
      at = [ip4.key, 'ip'];
      setIf(value, 'gateway', textOf(ip4.value, 'gateway'));
    } else if (Array.isArray(ips?.value)) {
      const index = ips.value.findIndex((ip) => isRecord(ip) && textOf(ip, 'address')?.includes('.') === true);
      const first = ips.value[index < 0 ? 0 : index];
      if (isRecord(first)) {
        cidr = textOf(first, 'address');
        at = [ips.key, index < 0 ? 0 : index, 'address'];
        setIf(value, 'gateway', textOf(first, 'gateway'));
      }
      const [iface] = Array.isArray(fieldOf(root, 'interfaces')?.value) ? (fieldOf(root, 'interfaces')?.value as unknown[]) : [];
      if (isRecord(iface)) setIf(value, 'mac', textOf(iface, 'mac'));
    }
    if (cidr === undefined) {
      return { value, diagnostics: [...diagnostics, problem('sourcevip-no-address', 'SourceVip.json has neither ip4.ip nor ips[].address')] };
    }
    value.cidr = cidr;
    value.address = cidr.split('/')[0] ?? cidr;
    value.line = document.lineOf(at) ?? document.line;
    return { value, diagnostics };
  },
});

export function parseSourcevip(text: string, options?: ParseOptions) {
  return sourcevipParser.parse(text, options);
}

function setIf(value: SourceVipValue, key: 'gateway' | 'mac', item: string | undefined): void {
  if (item !== undefined && item !== '') value[key] = item;
}
