/**
 * Which nodes get a capture pod: `--nodes all | none | <name,name> | <label selector>`,
 * by default a sample of one Ready node per operating system and zone, the smallest
 * set that still shows each kind of node.
 */
export type NodeSelection =
  | { kind: 'sample' }
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'names'; names: string[] }
  | { kind: 'selector'; selector: string };

export interface NodeInfo {
  name: string;
  os: 'linux' | 'windows';
  zone: string;
  ready: boolean;
}

export function parseNodeSelection(value: string | undefined): NodeSelection {
  if (value === undefined || value === '' || value === 'sample') return { kind: 'sample' };
  if (value === 'all') return { kind: 'all' };
  if (value === 'none') return { kind: 'none' };
  // A label selector has an operator; node names never contain = ! ( or spaces.
  if (/[=!()]|\s(in|notin)\s/.test(value)) return { kind: 'selector', selector: value };
  return { kind: 'names', names: value.split(',').map((n) => n.trim()).filter(Boolean) };
}

type Raw = Record<string, unknown>;
const rec = (v: unknown): Raw => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {});

/** Nodes of `kubectl get nodes -o json`. */
export function nodesOfList(list: unknown): NodeInfo[] {
  const items = rec(list).items;
  return (Array.isArray(items) ? items : []).map((item) => {
    const meta = rec(rec(item).metadata);
    const labels = rec(meta.labels);
    const status = rec(rec(item).status);
    const os = String(labels['kubernetes.io/os'] ?? rec(status.nodeInfo).operatingSystem ?? 'linux') === 'windows' ? 'windows' : 'linux';
    const zone = String(labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '');
    const conditions = Array.isArray(status.conditions) ? status.conditions.map(rec) : [];
    const ready = conditions.some((c) => c.type === 'Ready' && c.status === 'True');
    return { name: String(meta.name ?? ''), os, zone, ready } satisfies NodeInfo;
  }).filter((n) => n.name !== '');
}

/** One node per (OS, zone): the first Ready one by name, else the first by name. */
export function sampleNodes(nodes: readonly NodeInfo[]): NodeInfo[] {
  const groups = new Map<string, NodeInfo[]>();
  for (const node of [...nodes].sort((a, b) => a.name.localeCompare(b.name))) {
    const key = `${node.os}/${node.zone}`;
    groups.set(key, [...(groups.get(key) ?? []), node]);
  }
  return [...groups.values()].map((group) => group.find((n) => n.ready) ?? group[0]).filter((n): n is NodeInfo => n !== undefined);
}

export function describeSelection(selection: NodeSelection): string {
  switch (selection.kind) {
    case 'sample': return 'sample (one node per OS and zone)';
    case 'all': return 'all';
    case 'none': return 'none';
    case 'names': return selection.names.join(',');
    case 'selector': return `selector ${selection.selector}`;
  }
}
