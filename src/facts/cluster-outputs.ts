import type { ParseResult } from '../parsers/define-parser.js';
import type { TextFile } from '../snapshot/schema.js';
import type { Source } from '../snapshot/source.js';
import { MissingDataError } from '../errors.js';
import type { SnapshotIndex } from './snapshot-index.js';

/**
 * `cluster/<file>` outputs (snapshot.md "Cluster outputs"), by kind. A kind may be captured in several
 * files (`ibmcloud-ks-worker-get-<worker>.txt`, `helm-install.txt`, `helm-upgrade.txt`): the file's base
 * name is the kind's name, or starts with it followed by `-`.
 */
export const clusterOutputKinds = {
  ibmcloudKsWorkers: { names: ['ibmcloud-ks-workers', 'ibmcloud-ks-worker-ls'], capture: 'cluster/ibmcloud-ks-workers.txt: ibmcloud ks workers --cluster <cluster>' },
  ibmcloudKsWorkerGet: { names: ['ibmcloud-ks-worker-get'], capture: 'cluster/ibmcloud-ks-worker-get-<worker>.txt: ibmcloud ks worker-get --cluster <cluster> --worker <worker_ID>, one file per worker' },
  ibmcloudKsAlbs: { names: ['ibmcloud-ks-albs', 'ibmcloud-ks-alb-ls'], capture: 'cluster/ibmcloud-ks-albs.txt: ibmcloud ks albs --cluster <cluster>' },
  ibmcloudKsClusterGet: { names: ['ibmcloud-ks-cluster-get'], capture: 'cluster/ibmcloud-ks-cluster-get.txt: ibmcloud ks cluster-get --cluster <cluster> --showResources' },
  ibmcloudKsAlbCerts: { names: ['ibmcloud-ks-alb-certs', 'ibmcloud-ks-alb-cert-get'], capture: 'cluster/ibmcloud-ks-alb-certs.txt: ibmcloud ks alb-certs --cluster <cluster>' },
  ibmcloudKsSubnets: { names: ['ibmcloud-ks-subnets', 'ibmcloud-ks-subnet-ls'], capture: 'cluster/ibmcloud-ks-subnets.txt: ibmcloud ks subnets' },
  strongswanValues: { names: ['strongswan-values'], capture: 'cluster/strongswan-values.yaml: helm get values <release> of the strongSwan chart (or the config.yaml it was installed with)' },
  ipsecStatus: { names: ['ipsec-status'], capture: 'cluster/ipsec-status.txt: kubectl exec $STRONGSWAN_POD -- ipsec status' },
  vpnDebug: { names: ['vpndebug'], capture: 'cluster/vpndebug.txt: kubectl exec $STRONGSWAN_POD -- vpnDebug' },
  helm: { names: ['helm'], capture: 'cluster/helm-<what>.txt: the output of the failing helm command (helm install -f config.yaml --name=vpn ibm/strongswan)' },
  calicoctlVersion: { names: ['calicoctl-version'], capture: 'cluster/calicoctl-version.txt: calicoctl version' },
  calicoctlConfig: { names: ['calicoctl.cfg', 'calicoctl-cfg'], capture: 'cluster/calicoctl.cfg: the calicoctl configuration file (/etc/calico/calicoctl.cfg)' },
  ibmcloudKs: {
    names: ['ibmcloud-ks'],
    capture: 'cluster/ibmcloud-ks-<command>.txt: the output of the ibmcloud ks commands run (workers, worker-pool-resize, worker-pool-rebalance …)',
  },
  overlayTest: {
    names: ['overlay-test', 'overlaytest'],
    capture: 'cluster/overlay-test.txt: the whole output of the overlay test of the Rancher document (DaemonSet overlaytest and its ping loop)',
  },
  kubectlErrors: { names: ['kubectl-errors'], capture: 'cluster/kubectl-errors.txt: errors the commands printed while capturing' },
} as const satisfies Record<string, { names: readonly string[]; capture: string }>;

export type ClusterOutputKind = keyof typeof clusterOutputKinds;

export interface ParsedClusterOutput<T> {
  file: TextFile;
  value: T;
  /** The parser reported an error: the value may be partial. */
  incomplete: boolean;
  at(line: number | undefined): Source;
}

function baseName(name: string): string {
  return (name.split('/').pop() ?? name).toLowerCase().replace(/\.(?:txt|out|log|ya?ml|json)$/, '');
}

/** The cluster/ files of a kind, in name order. */
export function clusterOutputFiles(index: SnapshotIndex, kind: ClusterOutputKind): TextFile[] {
  const names: readonly string[] = clusterOutputKinds[kind].names;
  return Object.entries(index.snapshot.clusterOutputs)
    .filter(([name]) => names.some((n) => baseName(name) === n || baseName(name).startsWith(`${n}-`) || (n.includes('.') && name.toLowerCase().endsWith(n))))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, file]) => file);
}

/** Each file of a kind parsed once (its diagnostics reach the report). */
export function parsedClusterOutputs<T>(
  index: SnapshotIndex,
  kind: ClusterOutputKind,
  parse: (text: string, options: { file: string }) => ParseResult<T>,
): ParsedClusterOutput<T>[] {
  return clusterOutputFiles(index, kind).map((file) => {
    const result = index.parseResult(file, parse);
    return {
      file,
      value: result.value,
      incomplete: result.diagnostics.some((d) => d.severity === 'error'),
      at: (line) => (line === undefined ? { file: file.file } : { file: file.file, line }),
    };
  });
}

/**
 * The first file of a kind, parsed. Throws MissingDataError with the capture hint when none was captured, or
 * when the file could not be read and gave nothing (`isEmpty`): an unreadable capture is not a clean bill of health.
 */
export function requiredClusterOutput<T>(
  index: SnapshotIndex,
  kind: ClusterOutputKind,
  parse: (text: string, options: { file: string }) => ParseResult<T>,
  isEmpty?: (value: T) => boolean,
): ParsedClusterOutput<T> {
  const [first] = parsedClusterOutputs(index, kind, parse);
  if (!first) throw new MissingDataError(clusterOutputKinds[kind].capture);
  if (first.incomplete && isEmpty?.(first.value)) {
    throw new MissingDataError(`${clusterOutputKinds[kind].capture} (${first.file.file} could not be read: see its diagnostics)`);
  }
  return first;
}
