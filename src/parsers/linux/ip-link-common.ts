/**
 * What `ip link` and `ip addr` share: the interface header line, its `link/…` line,
 * and a walk that hands the other indented lines to the caller. No parser lives here.
 */
import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { cappedWarnings, numberedLines } from '../capped-warnings.js';

export const linkFields = {
  index: z.number().int().nonnegative(),
  name: z.string(),
  /** After `@`: `if3` (a veth's peer ifindex in another namespace), `eth0` (a VLAN's parent), `NONE`. */
  peer: z.string().optional(),
  flags: z.array(z.string()),
  mtu: z.number().int().positive(),
  state: z.string().optional(),
  /** Bridge or bond this interface is enslaved to, e.g. `cni0` for a pod's veth. */
  master: z.string().optional(),
  /** From the `link/<type>` line: `ether`, `loopback`, `ipip`, `none`. */
  linkType: z.string().optional(),
  mac: z.string().optional(),
  line: z.number().int().positive(),
};
export const IpLink = z.object(linkFields);
export type IpLink = z.infer<typeof IpLink>;

// `5: veth1234abcd@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master cni0 state UP mode DEFAULT …`
const header = /^(\d+):\s+([^\s:@]+)(?:@([^\s:]+))?:\s+<([^>]*)>(.*)$/;
// `ip -o addr` drops the header: `2: eth0    inet 10.0.0.4/24 brd 10.0.0.255 scope global eth0\       valid_lft …`
const onelineAddress = /^\d+:\s+\S+\s+(?:inet6?|link\/\S+)\s/;

function readHeader(text: string, line: number): IpLink | undefined {
  const match = header.exec(text);
  if (!match) return undefined;
  const [, index = '', name = '', peer, flags = '', rest = ''] = match;
  const mtu = /\bmtu (\d+)/.exec(rest)?.[1];
  if (mtu === undefined) return undefined;
  const link: IpLink = { index: Number(index), name, flags: flags.split(',').filter(Boolean), mtu: Number(mtu), line };
  if (peer !== undefined) link.peer = peer;
  const state = /\bstate (\S+)/.exec(rest)?.[1];
  if (state !== undefined) link.state = state;
  const master = /\bmaster (\S+)/.exec(rest)?.[1];
  if (master !== undefined) link.master = master;
  return link;
}

/** `link/ether 00:16:3e:0a:1b:2c brd ff:ff:ff:ff:ff:ff` → linkType and mac. */
function readLinkLine(link: IpLink, text: string): boolean {
  const match = /^link\/(\S+)(?:\s+(\S+))?/.exec(text);
  if (!match) return false;
  link.linkType = match[1];
  if (match[1] === 'ether' && match[2] !== undefined) link.mac = match[2];
  return true;
}

/** `ip -o` joins an interface's lines with `\`; split them back so line numbers stay those of the file. */
function expandOneline(text: string): { text: string; line: number }[] {
  return numberedLines(text).flatMap(({ text: content, line }) =>
    /^\d+:/.test(content) && content.includes('\\')
      ? content.split('\\').map((part, i) => ({ text: i === 0 ? part : `    ${part.trim()}`, line }))
      : [{ text: content, line }],
  );
}

/**
 * Walks `ip link` / `ip addr` output. Each header starts an interface made by `create`; indented
 * lines go to `detail`, and those it does not claim (`valid_lft`, `altname`, `ip -d`/`-s` details) are skipped.
 */
export function readInterfaces<T extends IpLink>(
  text: string,
  file: string | undefined,
  what: string,
  create: (link: IpLink) => T,
  detail: (item: T, text: string, line: number) => void,
): { interfaces: T[]; diagnostics: Diagnostic[] } {
  const interfaces: T[] = [];
  const warnings = cappedWarnings(file);
  let current: T | undefined;
  let nonBlank = 0;
  let warnedLine: number | undefined;
  for (const { text: raw, line } of expandOneline(text)) {
    if (raw.trim() === '') continue;
    nonBlank += 1;
    const link = readHeader(raw, line);
    if (link) {
      current = create(link);
      interfaces.push(current);
    } else if (current && /^\s/.test(raw)) {
      const trimmed = raw.trim();
      if (!readLinkLine(current, trimmed)) detail(current, trimmed, line);
    } else if (line !== warnedLine) {
      // After a line it cannot place, indented lines are not attributed to the interface above it.
      current = undefined;
      warnedLine = line; // one warning per file line, though `ip -o` packs several into it
      if (onelineAddress.test(raw)) {
        const message = `one-line (ip -o) address rows lack link details; capture ${what} without -o`;
        warnings.warn('oneline-format', message, line);
      } else warnings.warn('unrecognised-line', `line not recognised as part of ${what} output`, line);
    }
  }
  const diagnostics =
    interfaces.length === 0 && nonBlank > 0
      ? [diagnostic('error', 'unrecognised-input', `no interfaces found in this ${what} output`, { file })]
      : [];
  return { interfaces, diagnostics: [...diagnostics, ...warnings.finish()] };
}
