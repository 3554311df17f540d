import { goDurationSeconds, isRecord } from './go-json-values.js';

/**
 * The KubeProxyConfiguration (kubeproxy.config.k8s.io/v1alpha1) fields this
 * project checks, by dot path, with the JSON type kube-proxy decodes them into.
 * kube-proxy decodes case-sensitively; a value of the wrong type makes it exit,
 * while an unknown field only makes it fall back to lenient decoding.
 */
export type FieldKind = 'string' | 'integer' | 'number' | 'boolean' | 'duration' | 'mapping' | 'stringList' | 'booleanMap';

export const kubeProxyFields: Record<string, FieldKind> = {
  apiVersion: 'string',
  kind: 'string',
  bindAddress: 'string',
  bindAddressHardFail: 'boolean',
  healthzBindAddress: 'string',
  metricsBindAddress: 'string',
  enableProfiling: 'boolean',
  showHiddenMetricsForVersion: 'string',
  clusterCIDR: 'string',
  hostnameOverride: 'string',
  mode: 'string',
  detectLocalMode: 'string',
  portRange: 'string',
  oomScoreAdj: 'integer',
  configSyncPeriod: 'duration',
  udpIdleTimeout: 'duration',
  syncPeriod: 'duration',
  minSyncPeriod: 'duration',
  nodePortAddresses: 'stringList',
  featureGates: 'booleanMap',
  clientConnection: 'mapping',
  'clientConnection.kubeconfig': 'string',
  'clientConnection.qps': 'number',
  'clientConnection.burst': 'integer',
  detectLocal: 'mapping',
  logging: 'mapping',
  winkernel: 'mapping',
  nftables: 'mapping',
  linux: 'mapping',
  windowsRunAsService: 'boolean',
  iptables: 'mapping',
  'iptables.masqueradeAll': 'boolean',
  'iptables.masqueradeBit': 'integer',
  'iptables.localhostNodePorts': 'boolean',
  'iptables.syncPeriod': 'duration',
  'iptables.minSyncPeriod': 'duration',
  ipvs: 'mapping',
  'ipvs.scheduler': 'string',
  'ipvs.syncPeriod': 'duration',
  'ipvs.minSyncPeriod': 'duration',
  'ipvs.excludeCIDRs': 'stringList',
  'ipvs.strictARP': 'boolean',
  'ipvs.tcpTimeout': 'duration',
  'ipvs.tcpFinTimeout': 'duration',
  'ipvs.udpTimeout': 'duration',
  conntrack: 'mapping',
  'conntrack.maxPerCore': 'integer',
  'conntrack.min': 'integer',
  'conntrack.tcpEstablishedTimeout': 'duration',
  'conntrack.tcpCloseWaitTimeout': 'duration',
  'conntrack.tcpBeLiberal': 'boolean',
  'conntrack.udpTimeout': 'duration',
  'conntrack.udpStreamTimeout': 'duration',
};

/** Mappings whose every field is listed above, so any other key in them is unknown. */
export const fullyKnownMappings = ['', 'ipvs', 'conntrack', 'iptables'];

export const proxyModes = new Set(['', 'iptables', 'ipvs', 'nftables', 'kernelspace', 'userspace']);

/** kube-proxy's accepted IPVS schedulers (its validation rejects others). */
export const ipvsSchedulers = new Set(['', 'rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'sh', 'dh', 'sed', 'nq', 'mh']);

const kindNames: Record<FieldKind, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  duration: 'a duration string such as 10s or 5m0s',
  mapping: 'a mapping',
  stringList: 'a list of strings',
  booleanMap: 'a mapping of names to true or false',
};

/** Why `value` does not fit `kind`, or undefined when it does. `null` always fits: it leaves the default. */
export function kindMismatch(value: unknown, kind: FieldKind): string | undefined {
  if (value === null) return undefined;
  const fits = {
    string: typeof value === 'string',
    integer: Number.isInteger(value),
    number: typeof value === 'number',
    boolean: typeof value === 'boolean',
    duration: typeof value === 'string' && goDurationSeconds(value) !== undefined,
    mapping: isRecord(value),
    stringList: Array.isArray(value) && value.every((item) => typeof item === 'string'),
    booleanMap: isRecord(value) && Object.values(value).every((item) => typeof item === 'boolean'),
  }[kind];
  return fits ? undefined : `must be ${kindNames[kind]}`;
}
