/**
 * Reading one process command line: the program's name, its `--flag=value` options,
 * and secret values masked. Helpers for processes.ts; no parser lives here.
 */

export interface ReadCommandLine {
  /** argv[0]'s base name, lowercased, without `.exe`: `kube-proxy`, `kubelet`, `flanneld`. */
  command: string;
  /** The command line with secret flag values replaced by `***`. */
  commandLine: string;
  flags: Record<string, string | true>;
}

interface Token {
  /** Unquoted text. */
  value: string;
  start: number;
  end: number;
}

const SECRET_FLAG = /token|password|secret|key-data|credential/i;
const MASK = '***';

/** Splits on whitespace; double or single quotes group (`--feature-gates="WinOverlay=true"`). */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i += 1;
    if (i >= text.length) break;
    const start = i;
    let value = '';
    let quote: string | undefined;
    for (; i < text.length; i += 1) {
      const char = text[i] ?? '';
      if (quote !== undefined) {
        if (char === quote) quote = undefined;
        else value += char;
      } else if (char === '"' || char === "'") quote = char;
      else if (/\s/.test(char)) break;
      else value += char;
    }
    tokens.push({ value, start, end: i });
  }
  return tokens;
}

function commandName(argv0: string): string {
  const kernelThread = /^\[(.+)\]$/.exec(argv0);
  if (kernelThread) return kernelThread[1] ?? '';
  const base = argv0.split(/[\\/]/).pop() ?? '';
  return base.toLowerCase().replace(/\.exe$/, '').replace(/:$/, '');
}

/**
 * Parses `--flag=value`, `--flag value` and bare `--flag` (Go's flag package takes one or two dashes).
 * When the line was cut off (`truncated`), the last token may be partial, so the flag it belongs to is left out.
 */
export function readCommandLine(text: string, truncated = false): ReadCommandLine {
  const tokens = tokenize(text);
  const flags: Record<string, string | true> = {};
  const masked: { start: number; end: number }[] = [];
  let lastFlag: string | undefined;
  for (let i = 1; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    if (!/^-{1,2}[A-Za-z]/.test(token.value)) continue;
    const body = token.value.replace(/^-+/, '');
    const equals = body.indexOf('=');
    const next = tokens[i + 1];
    let name = body;
    let value: string | true = true;
    let valueAt: { start: number; end: number } | undefined;
    if (equals >= 0) {
      name = body.slice(0, equals);
      value = body.slice(equals + 1);
      valueAt = { start: text.indexOf('=', token.start) + 1, end: token.end };
    } else if (next && !next.value.startsWith('-')) {
      value = next.value;
      valueAt = next;
      i += 1;
    }
    if (SECRET_FLAG.test(name) && valueAt) {
      masked.push(valueAt);
      value = MASK;
    }
    flags[name] = value;
    lastFlag = i === tokens.length - 1 ? name : undefined;
  }
  if (truncated && lastFlag !== undefined) delete flags[lastFlag];
  return { command: commandName(tokens[0]?.value ?? ''), commandLine: mask(text, masked), flags };
}

function mask(text: string, ranges: readonly { start: number; end: number }[]): string {
  let result = text;
  for (const { start, end } of [...ranges].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, start) + MASK + result.slice(end);
  }
  return result;
}
