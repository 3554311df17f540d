import { MissingDataError } from '../../errors.js';
import { type CniConfig, parseCniConfig } from '../../parsers/configs/cni-config.js';
import type { TextFile } from '../../snapshot/schema.js';
import { defineFact } from '../define.js';
import type { SnapshotIndex } from '../snapshot-index.js';

export interface ActiveCniConfig {
  /** Name under the node's cni/ folder: `10-flannel.conflist`. */
  name: string;
  file: TextFile;
  config: CniConfig;
  /** Parsed without error diagnostics: the runtime can load it. */
  valid: boolean;
  /** Every config file the runtime considers, in the order it considers them. */
  candidates: string[];
  /** Files it skips: other extensions (`.bak`, `.disabled` …). */
  ignored: string[];
}

const loadable = /\.(conf|conflist|json)$/;

/**
 * The CNI config the container runtime loads for pods: libcni's ConfFiles lists `.conf`,
 * `.conflist` and `.json` in /etc/cni/net.d sorted by name (byte order), and the first wins —
 * so a stray `00-old.conf` shadows `10-flannel.conflist`.
 */
export function activeCniConfig(index: SnapshotIndex, node: string): ActiveCniConfig | undefined {
  const files = index.nodeOutputs(node)?.cni ?? [];
  const named = files.map((file) => ({ file, name: file.file.split('/cni/').slice(1).join('/cni/') || file.file }));
  const candidates = named.filter((f) => loadable.test(f.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const first = candidates[0];
  if (!first) return undefined;
  const result = index.parseResult(first.file, parseCniConfig);
  return {
    name: first.name,
    file: first.file,
    config: result.value,
    valid: !result.diagnostics.some((d) => d.severity === 'error'),
    candidates: candidates.map((f) => f.name),
    ignored: named.filter((f) => !loadable.test(f.name)).map((f) => f.name),
  };
}

export const nodeCniConfig = defineFact({
  id: 'nodeCniConfig',
  subject: 'Node',
  description:
    'The CNI config the node\'s runtime loads (lowest name among .conf/.conflist/.json in /etc/cni/net.d): file, validity, name, cniVersion, plugin types, flannel hairpinMode, dataDir and IPAM dataDir, hostPort support (portMappings), Windows plugin type.',
  reads: ['nodes/<node>/cni/*'],
  compute: (node, index) => {
    const active = activeCniConfig(index, node.name);
    if (!active) throw new MissingDataError('nodes/<node>/cni/<file>: the files of /etc/cni/net.d (Windows: C:\\k\\cni\\config) on each node');
    const { config } = active;
    return {
      activeFile: active.name,
      candidates: active.candidates,
      ignored: active.ignored,
      valid: active.valid,
      format: config.format ?? 'unknown',
      name: config.name ?? null,
      cniVersion: config.cniVersion ?? null,
      type: config.plugins[0]?.type ?? null,
      plugins: config.plugins.map((p) => p.type),
      hairpinMode: config.flannel?.hairpinMode ?? null,
      flannelDataDir: config.flannel?.dataDir ?? null,
      ipamDataDir: config.flannel?.ipamDataDir ?? null,
      portMappings: config.portMappings,
      windowsType: config.windows?.type ?? null,
      source: { file: active.file.file, ...(config.plugins[0] ? { line: config.plugins[0].line } : {}) },
    };
  },
});
