import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { cappedWarnings, numberedLines } from '../capped-warnings.js';
import { defineParser, type ParseOptions, type ParseResult } from '../define-parser.js';

export const OverlayFailure = z.object({
  /** Node whose test pod sent the pings. */
  from: z.string(),
  /** Node whose pod did not answer. */
  to: z.string(),
  /** Newer scripts name the pod and the target pod IP. */
  fromPod: z.string().optional(),
  toPodIp: z.string().optional(),
  line: z.number().int().positive(),
});
export type OverlayFailure = z.infer<typeof OverlayFailure>;

export const OverlayTestValue = z.object({
  /** `=> Start network overlay test` seen (line). */
  startLine: z.number().int().positive().optional(),
  /** `=> End network overlay test` seen: the test ran to the end, so pairs not listed did reach each other. */
  endLine: z.number().int().positive().optional(),
  complete: z.boolean(),
  failures: z.array(OverlayFailure),
  /** `A can reach B` lines (newer scripts print successes too). */
  successes: z.number().int().nonnegative(),
  /** Every node named in the output, sorted. */
  nodes: z.array(z.string()),
  /** Nodes that every other node failed to reach: the doc's "NODE1 UDP blocked" case. */
  unreachableNodes: z.array(z.string()),
  /** `command terminated with exit code N` lines: kubectl's echo of each failed ping. */
  exitCodeLines: z.number().int().nonnegative(),
  /** Lines where kubectl itself failed (`error: …`, `Error from server …`): the exec, not the ping, failed. */
  kubectlErrorLines: z.array(z.number().int().positive()),
});
export type OverlayTestValue = z.infer<typeof OverlayTestValue>;

// The Rancher docs script: `=> Start network overlay test` … `NODE2 cannot reach NODE1` … `=> End network overlay test`.
// rancherlabs/support-tools overlaytest.sh: `FAIL: <pod> on <node> cannot reach pod IP <ip> on <node>` and, for
// successes, `<node> can reach <node>` or `PASS: <pod> on <node> can reach pod IP <ip> on <node>`; its newest
// version says `=> Start network overlay, DNS, and API test`.
const startMarker = /^=> Start network overlay(?: test|, DNS, and API test)\s*$/;
const endMarker = /^=> End network overlay(?: test|, DNS, and API test)\s*$/;
const podFailure = /^(?:FAIL: )?(\S+) on (\S+) cannot reach pod IP (\S+) on (\S+)$/;
const nodeFailure = /^(\S+) cannot reach (\S+)$/;
const success = /^(?:PASS: \S+ on (\S+) can reach pod IP \S+ on (\S+)|(\S+) can reach (\S+))$/;
const testingPod = /^Testing pod \S+ on node (\S+) with IP \S+$/;
const exitCode = /^command terminated with exit code \d+$/;
const kubectlError = /^(?:error: |Error from server|Unable to connect to the server|The connection to the server )/;
// Progress and DNS lines of the newer script.
const ignored = /^(?:=> Testing |=> DNS checks are skipped|(?:PASS|FAIL): \S+ (?:can|cannot) resolve )/;

function emptyOverlayTest(): OverlayTestValue {
  return { complete: false, failures: [], successes: 0, nodes: [], unreachableNodes: [], exitCodeLines: 0, kubectlErrorLines: [] };
}

/** Nodes every other known node failed to reach; with a single node there is no "other". */
function unreachable(nodes: readonly string[], failures: readonly OverlayFailure[]): string[] {
  const failedFrom = new Map<string, Set<string>>();
  for (const { from, to } of failures) if (from !== to) failedFrom.set(to, (failedFrom.get(to) ?? new Set()).add(from));
  return nodes.filter((node) => {
    const others = nodes.filter((other) => other !== node);
    return others.length > 0 && others.every((other) => failedFrom.get(node)?.has(other));
  });
}

function parseOverlayTestText(text: string, options: ParseOptions): ParseResult<OverlayTestValue> {
  const value = emptyOverlayTest();
  const warnings = cappedWarnings(options.file);
  const diagnostics: Diagnostic[] = [];
  const nodes = new Set<string>();
  const where = (line?: number) => ({ file: options.file, line });
  let lastLine = 0;
  for (const { text: raw, line } of numberedLines(text)) {
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    lastLine = line;
    if (startMarker.test(trimmed)) {
      if (value.startLine !== undefined) diagnostics.push(diagnostic('info', 'overlay-test-several-runs', 'the file holds several test runs; failures of all of them are listed', where(line)));
      value.startLine ??= line;
      continue;
    }
    if (endMarker.test(trimmed)) {
      value.endLine = line;
      continue;
    }
    // Before the start marker come the shell prompt, the command and DaemonSet rollout messages.
    const inRun = value.startLine !== undefined;
    const pod = podFailure.exec(trimmed);
    const pair = pod ? undefined : nodeFailure.exec(trimmed);
    if (pod || pair) {
      const failure: OverlayFailure = pod
        ? { from: pod[2] ?? '', to: pod[4] ?? '', fromPod: pod[1] ?? '', toPodIp: pod[3] ?? '', line }
        : { from: pair?.[1] ?? '', to: pair?.[2] ?? '', line };
      value.failures.push(failure);
      nodes.add(failure.from).add(failure.to);
      continue;
    }
    const ok = success.exec(trimmed);
    if (ok) {
      value.successes += 1;
      nodes.add(ok[1] ?? ok[3] ?? '').add(ok[2] ?? ok[4] ?? '');
      continue;
    }
    const testing = testingPod.exec(trimmed);
    if (testing) nodes.add(testing[1] ?? '');
    else if (exitCode.test(trimmed)) value.exitCodeLines += 1;
    else if (kubectlError.test(trimmed)) value.kubectlErrorLines.push(line);
    else if (inRun && !ignored.test(trimmed)) warnings.warn('unrecognised-line', 'line not recognised as overlay test output', line);
  }
  value.complete = value.startLine !== undefined && value.endLine !== undefined && value.endLine > value.startLine;
  value.nodes = [...nodes].sort();
  value.unreachableNodes = unreachable(value.nodes, value.failures);
  if (value.startLine === undefined && value.failures.length === 0 && value.successes === 0) {
    diagnostics.push(diagnostic('error', 'unrecognised-input', 'no overlay test output found (no `=> Start network overlay test` line)', where()));
  } else if (value.startLine === undefined) {
    const message = 'no `=> Start network overlay test` line: the output may be cut at the beginning';
    diagnostics.push(diagnostic('warning', 'overlay-test-no-start', message, where()));
  } else if (!value.complete) {
    const message = 'the output ends without `=> End network overlay test`: pairs after this line were not tested or not captured';
    diagnostics.push(diagnostic('warning', 'overlay-test-incomplete', message, where(lastLine)));
  }
  return { value, diagnostics: [...diagnostics, ...warnings.finish()] };
}

export const overlayTestParser = defineParser<OverlayTestValue>({
  id: 'overlay-test',
  command: 'the Rancher overlay network test (ds-overlaytest ping loop)',
  description:
    'Pairs of nodes whose overlay-test pods cannot ping each other, whether the run finished, and the nodes that every ' +
    'other node fails to reach (the one whose overlay UDP port is blocked).',
  schema: OverlayTestValue,
  example: [
    '=> Start network overlay test',
    'command terminated with exit code 1',
    'NODE2 cannot reach NODE1',
    'command terminated with exit code 1',
    'NODE3 cannot reach NODE1',
    'command terminated with exit code 1',
    'NODE1 cannot reach NODE2',
    'command terminated with exit code 1',
    'NODE1 cannot reach NODE3',
    '=> End network overlay test',
  ].join('\n'),
  empty: emptyOverlayTest,
  parse: parseOverlayTestText,
});

export function parseOverlayTest(text: string, options?: ParseOptions): ParseResult<OverlayTestValue> {
  return overlayTestParser.parse(text, options);
}
