import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { cappedWarnings, numberedLines } from '../capped-warnings.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';

const kinds = [
  'x509-unknown-authority',
  'x509-expired',
  'x509-wrong-host',
  'connection-refused',
  'timeout',
  'dns',
  'no-route',
  'eof',
  'unauthorized',
  'forbidden',
  'not-found',
  'server-error',
  'other',
] as const;

export const KubectlError = z.object({
  kind: z.enum(kinds),
  /** `host:port` (or host) of the API server or kubelet, when the message names it. */
  server: z.string().optional(),
  line: z.number().int().positive(),
});
export type KubectlError = z.infer<typeof KubectlError>;

export const KubectlErrorsValue = z.object({
  errors: z.array(KubectlError),
  /** Errors per kind. */
  counts: z.record(z.string(), z.number().int().positive()),
  /** Servers named, in order of appearance. */
  servers: z.array(z.string()),
});
export type KubectlErrorsValue = z.infer<typeof KubectlErrorsValue>;

// Lines kubectl prints when it fails:
//   Unable to connect to the server: x509: certificate signed by unknown authority
//   The connection to the server 10.0.0.1:6443 was refused - did you specify the right host or port?
//   E0816 14:36:00.288821 1580 memcache.go:265] couldn't get current server API group list: Get "https://…/api?timeout=32s": dial tcp …: connect: connection refused
//   error: You must be logged in to the server (Unauthorized)
//   Error from server (Forbidden): pods is forbidden: User "…" cannot list resource "pods" …
const errorLine = /^(?:Unable to connect to the server:|The connection to the server |error: |Error from server\b|[EF]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ \S+:\d+\] )/;
const benign = /^(?:To see the stack trace of this error|Use --allow-version-mismatch|[$#+>] )/;
const kindPatterns: [RegExp, KubectlError['kind']][] = [
  [/x509: certificate signed by unknown authority/, 'x509-unknown-authority'],
  [/x509: certificate has expired or is not yet valid/, 'x509-expired'],
  [/x509: certificate is (?:valid for|not valid for any names)/, 'x509-wrong-host'],
  [/connection refused|^The connection to the server \S+ was refused/, 'connection-refused'],
  [/i\/o timeout|TLS handshake timeout|context deadline exceeded|Client\.Timeout exceeded|timed out/, 'timeout'],
  [/no such host|server misbehaving/, 'dns'],
  [/no route to host|network is unreachable/, 'no-route'],
  [/: EOF$|connection reset by peer/, 'eof'],
  [/\(Unauthorized\)|^error: You must be logged in/, 'unauthorized'],
  [/^Error from server \(Forbidden\)/, 'forbidden'],
  [/^Error from server \(NotFound\)/, 'not-found'],
  [/^Error from server/, 'server-error'],
];

/** `host:port` named by the message; never a URL path or query, which may carry tokens. */
function serverOf(text: string): string | undefined {
  const refused = /^The connection to the server (\S+) was refused/.exec(text);
  if (refused) return refused[1];
  const url = /"?https?:\/\/([^/"\s]+)/.exec(text);
  if (url) return url[1];
  const dial = /dial tcp (\[[^\]]+\]:\d+|[\w.-]+:\d+)/.exec(text);
  if (dial) return dial[1];
  return /dial tcp: lookup ([\w.-]+)/.exec(text)?.[1];
}

function kubectlError(text: string, line: number): KubectlError {
  const kind = kindPatterns.find(([pattern]) => pattern.test(text))?.[1] ?? 'other';
  const server = serverOf(text);
  return server === undefined ? { kind, line } : { kind, server, line };
}

function parseKubectlErrorsText(text: string, options: ParseOptions): ParseResult<KubectlErrorsValue> {
  const value: KubectlErrorsValue = { errors: [], counts: {}, servers: [] };
  const warnings = cappedWarnings(options.file);
  const diagnostics: Diagnostic[] = [];
  let nonBlank = 0;
  for (const { text: raw, line } of numberedLines(text)) {
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    nonBlank += 1;
    if (errorLine.test(trimmed)) {
      const error = kubectlError(trimmed, line);
      value.errors.push(error);
      value.counts[error.kind] = (value.counts[error.kind] ?? 0) + 1;
      if (error.server !== undefined && !value.servers.includes(error.server)) value.servers.push(error.server);
    } else if (!benign.test(trimmed)) {
      warnings.warn('unrecognised-line', 'line not recognised as a kubectl error', line);
    }
  }
  if (nonBlank > 0 && value.errors.length === 0) {
    diagnostics.push(diagnostic('warning', 'no-kubectl-errors', 'no kubectl error lines found in this file', { file: options.file }));
  }
  return { value, diagnostics: [...diagnostics, ...warnings.finish()] };
}

export const kubectlErrorsParser = defineParser<KubectlErrorsValue>({
  id: 'kubectl-errors',
  command: 'errors kubectl printed while capturing (kubectl-errors.txt)',
  description:
    'The errors kubectl printed, by kind (untrusted or expired certificate, connection refused, timeout, DNS, ' +
    'unauthorized, forbidden …) with the API server address when the message names it.',
  schema: KubectlErrorsValue,
  example: [
    'Unable to connect to the server: x509: certificate signed by unknown authority',
    'E0816 14:36:00.288821    1580 memcache.go:265] couldn\'t get current server API group list: Get "https://192.168.0.112:6443/api?timeout=32s": dial tcp 192.168.0.112:6443: connect: connection refused',
    'The connection to the server 192.168.0.112:6443 was refused - did you specify the right host or port?',
  ].join('\n'),
  empty: () => ({ errors: [], counts: {}, servers: [] }),
  parse: parseKubectlErrorsText,
});

export function parseKubectlErrors(text: string, options?: ParseOptions): ParseResult<KubectlErrorsValue> {
  return kubectlErrorsParser.parse(text, options);
}
