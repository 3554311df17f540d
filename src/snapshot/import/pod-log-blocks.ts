/**
 * `kubectl cluster-info dump` writes every container's log between two marker lines
 * (staging/src/k8s.io/kubectl/pkg/cmd/clusterinfo/clusterinfo_dump.go):
 *
 *   ==== START logs for container kube-proxy of pod kube-system/kube-proxy-njm2k ====
 *   I1117 10:19:48.458067       1 server_linux.go:169] "Using iptables Proxier"
 *   ==== END logs for container kube-proxy of pod kube-system/kube-proxy-njm2k ====
 *
 * in `<namespace>/<pod>/logs.txt` (directory form) or inline in the stdout stream.
 */
export const startMarker = /^==== START logs for container (\S+) of pod ([^/\s]+)\/(\S+) ====$/;
const endMarker = /^==== END logs for container (\S+) of pod ([^/\s]+)\/(\S+) ====$/;

export interface PodLogBlock {
  namespace: string;
  pod: string;
  container: string;
  /** The log lines between the markers, joined with `\n`. */
  text: string;
  /** Line (1-based) of the first log line in the file. */
  line: number;
}

/**
 * Reads the marker-delimited blocks starting at `lines[from]`, which must be a START
 * line; returns the block and the index after its END line (or after the last line
 * when the stream was cut short).
 */
export function readLogBlock(lines: readonly string[], from: number): { block: PodLogBlock; next: number } | undefined {
  const start = startMarker.exec(lines[from] ?? '');
  if (!start) return undefined;
  const [, container = '', namespace = '', pod = ''] = start;
  let end = from + 1;
  while (end < lines.length) {
    const m = endMarker.exec(lines[end] ?? '');
    if (m && m[1] === container && m[2] === namespace && m[3] === pod) break;
    // A START of another container without our END: the dump was cut; stop here.
    if (startMarker.test(lines[end] ?? '')) break;
    end++;
  }
  const text = lines.slice(from + 1, end).join('\n');
  const closed = end < lines.length && endMarker.test(lines[end] ?? '');
  return { block: { namespace, pod, container, text, line: from + 2 }, next: closed ? end + 1 : end };
}

/** All blocks of a `logs.txt` (directory form); text outside blocks is ignored. */
export function splitLogBlocks(text: string): PodLogBlock[] {
  const lines = text.split('\n');
  const blocks: PodLogBlock[] = [];
  for (let i = 0; i < lines.length; ) {
    const read = readLogBlock(lines, i);
    if (read) {
      blocks.push(read.block);
      i = read.next;
    } else i++;
  }
  return blocks;
}
