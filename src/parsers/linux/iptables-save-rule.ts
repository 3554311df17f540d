/**
 * Tokenising and reading one `-A CHAIN …` line of iptables-save output.
 * Helpers for iptables-save.ts; no parser lives here.
 */
import { z } from 'zod';

export const IptablesMatches = z.object({
  protocol: z.string().optional(),
  source: z.string().optional(),
  destination: z.string().optional(),
  inInterface: z.string().optional(),
  outInterface: z.string().optional(),
  /** As written: `53`, `30000:32767`, or a multiport list `80,443`. */
  dport: z.string().optional(),
  sport: z.string().optional(),
  comment: z.string().optional(),
  /** `-m` match modules in order. */
  modules: z.array(z.string()),
  /** Field names above (`source`, `dport`, …) or the raw option (`--ctstate`) that a `!` negates. */
  negated: z.array(z.string()),
});
export type RuleMatches = z.infer<typeof IptablesMatches>;

/** What one rule line says, apart from its chain and line number. */
export const ReadRule = z.object({
  /** Tokens after the chain name, counters removed. */
  args: z.array(z.string()),
  matches: IptablesMatches,
  target: z.string().optional(),
  /** True for `-g CHAIN` (goto) rather than `-j CHAIN`. */
  goto: z.boolean().optional(),
  /** Options after the target: `{ '--to-destination': '10.244.1.5:80', '--random': '' }`. */
  targetArgs: z.record(z.string(), z.string()),
  /** From `iptables-save -c`: `[packets:bytes] -A …`. */
  counters: z.object({ packets: z.number(), bytes: z.number() }).optional(),
});
export type ReadRule = z.infer<typeof ReadRule>;

export interface Tokens {
  tokens: string[];
  unterminatedQuote: boolean;
}

/**
 * Shell-like split. iptables-save double-quotes any value with characters
 * outside [A-Za-z0-9_-] and backslash-escapes `"`, `\` and `'` inside it:
 *   -m comment --comment "kube-system/kube-dns:dns cluster IP"
 * Older iptables (1.4) leave such values bare when they hold no space.
 * Tokens are sliced, not built a character at a time: a kube-proxy dump of a
 * large cluster has hundreds of thousands of these lines.
 */
export function tokenize(line: string): Tokens {
  if (line.includes('\\')) return tokenizeEscaped(line);
  const tokens: string[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    while (i < n && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
    if (i >= n) break;
    if (line.charCodeAt(i) === 34) {
      const close = line.indexOf('"', i + 1);
      if (close === -1) return tokenizeEscaped(line);
      const next = close + 1;
      // `"a b"c` (a quote closing mid-token) is rare enough for the general path.
      if (next < n && line.charCodeAt(next) !== 32 && line.charCodeAt(next) !== 9) return tokenizeEscaped(line);
      tokens.push(line.slice(i + 1, close));
      i = next;
      continue;
    }
    let end = i;
    while (end < n && line.charCodeAt(end) !== 32 && line.charCodeAt(end) !== 9) {
      if (line.charCodeAt(end) === 34) return tokenizeEscaped(line);
      end++;
    }
    tokens.push(line.slice(i, end));
    i = end;
  }
  return { tokens, unterminatedQuote: false };
}

/** The general tokenizer: backslash escapes and quotes anywhere in a token. */
function tokenizeEscaped(line: string): Tokens {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === '\\' && i + 1 < line.length) {
      current += line[++i];
      inToken = true;
    } else if (ch === '"') {
      quoted = !quoted;
      inToken = true;
    } else if (!quoted && (ch === ' ' || ch === '\t')) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += ch;
      inToken = true;
    }
  }
  if (inToken) tokens.push(current);
  return { tokens, unterminatedQuote: quoted };
}

type Field = Exclude<keyof RuleMatches, 'modules' | 'negated'>;

const FIELD_OF: Record<string, Field> = {
  '-p': 'protocol',
  '--protocol': 'protocol',
  '-s': 'source',
  '--source': 'source',
  '--src': 'source',
  '-d': 'destination',
  '--destination': 'destination',
  '--dst': 'destination',
  '-i': 'inInterface',
  '--in-interface': 'inInterface',
  '-o': 'outInterface',
  '--out-interface': 'outInterface',
  '--dport': 'dport',
  '--destination-port': 'dport',
  '--dports': 'dport',
  '--destination-ports': 'dport',
  '--sport': 'sport',
  '--source-port': 'sport',
  '--sports': 'sport',
  '--source-ports': 'sport',
  '--comment': 'comment',
};

const COUNTER = /^\[(\d+):(\d+)\]$/;

/** Reads the tokens after `-A CHAIN`; `leading` is a `[packets:bytes]` token that preceded `-A`, if any. */
export function readRule(rest: string[], leading?: string): ReadRule {
  let counters = countersOf(leading);
  let args = rest;
  if (rest.includes('-c') || rest.includes('--set-counters')) {
    args = [];
    for (let i = 0; i < rest.length; i++) {
      const tok = rest[i] as string;
      const packets = rest[i + 1];
      const bytes = rest[i + 2];
      // `-c PKTS BYTES` is the other spelling iptables-restore accepts for counters.
      if ((tok === '-c' || tok === '--set-counters') && isDigits(packets) && isDigits(bytes)) {
        counters = { packets: Number(packets), bytes: Number(bytes) };
        i += 2;
      } else {
        args.push(tok);
      }
    }
  }
  const matches: RuleMatches = { modules: [], negated: [] };
  const result: ReadRule = { matches, targetArgs: {}, args };
  if (counters) result.counters = counters;
  let negate = false;
  for (let i = 0; i < args.length; i++) {
    const tok = args[i] as string;
    if (tok === '!') {
      negate = true;
      continue;
    }
    if (tok === '-j' || tok === '--jump' || tok === '-g' || tok === '--goto') {
      const target = args[i + 1];
      if (target !== undefined) result.target = target;
      if (tok === '-g' || tok === '--goto') result.goto = true;
      result.targetArgs = readTargetArgs(args.slice(i + 2));
      break;
    }
    if (tok === '-m' || tok === '--match') {
      const module = args[++i];
      if (module !== undefined) matches.modules.push(module);
    } else if (FIELD_OF[tok] !== undefined) {
      const field = FIELD_OF[tok];
      let value = args[++i];
      // iptables < 1.4.3 wrote the negation after the option: `-s ! 10.0.0.0/8`.
      if (value === '!') {
        negate = true;
        value = args[++i];
      }
      if (value !== undefined && matches[field] === undefined) matches[field] = value;
      if (negate) matches.negated.push(field);
    } else if (negate && tok.startsWith('-')) {
      matches.negated.push(tok);
    }
    negate = false;
  }
  return result;
}

export function countersOf(token: string | undefined): { packets: number; bytes: number } | undefined {
  const m = token === undefined ? null : COUNTER.exec(token);
  return m ? { packets: Number(m[1]), bytes: Number(m[2]) } : undefined;
}

/**
 * `--to-destination 10.244.1.5:80 --random` → { '--to-destination': '10.244.1.5:80', '--random': '' };
 * a repeated option keeps its last value.
 */
function readTargetArgs(tokens: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  let key: string | undefined;
  for (const tok of tokens) {
    if (tok.startsWith('--')) {
      key = tok;
      out[key] = '';
    } else if (key !== undefined) {
      out[key] = out[key] ? `${out[key]} ${tok}` : tok;
    }
  }
  return out;
}

function isDigits(s: string | undefined): s is string {
  return s !== undefined && /^\d+$/.test(s);
}
