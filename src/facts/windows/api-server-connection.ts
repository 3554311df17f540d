import { isValidAddress } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import { parseKubectlErrors } from '../../parsers/cluster/kubectl-errors.js';
import { defineFact } from '../define.js';
import { objectKey } from '../snapshot-index.js';

const unable = /^Unable to connect to the server\b/;

/** `10.0.0.5:6443` → `10.0.0.5`; `[fd00::1]:6443` → `fd00::1`. */
const hostOf = (server: string) => (/^\[([^\]]+)\]/.exec(server)?.[1] ?? server.replace(/:\d+$/, ''));

/**
 * 無法連線到位於的 API 伺服器 https://[address]:[port]: kubectl's `Unable to connect to the server` errors in
 * cluster/kubectl-errors.txt, the certificate errors among them, and the API server addresses the errors name against
 * the API server's real ones (the Endpoints of default/kubernetes) — a kubeconfig whose server IP is not the host's.
 */
export const apiServerConnection = defineFact({
  id: 'apiServerConnection',
  subject: 'Cluster',
  description:
    '"Unable to connect to the server" lines of cluster/kubectl-errors.txt, how many are certificate (x509) errors, the server addresses kubectl named, the API server endpoints (default/kubernetes) and the named IPs that are none of them.',
  reads: ['cluster/kubectl-errors.txt', 'Endpoints default/kubernetes'],
  compute: (_cluster, index) => {
    const file = Object.entries(index.snapshot.clusterOutputs).find(([name]) => /^kubectl-errors/.test(name))?.[1];
    if (!file) throw new MissingDataError('cluster/kubectl-errors.txt: the errors kubectl printed (kubectl get nodes 2> kubectl-errors.txt)');
    const value = index.parsed(file, parseKubectlErrors);
    const unableLines = file.text.split('\n').map((l) => l.trim()).filter((l) => unable.test(l)).length;
    const x509 = (value.counts['x509-unknown-authority'] ?? 0) + (value.counts['x509-expired'] ?? 0) + (value.counts['x509-wrong-host'] ?? 0);
    const endpoints = (index.endpointsByService.get(objectKey('default', 'kubernetes')) ?? []).flatMap((e) =>
      e.addresses.flatMap((a) => (e.ports.length > 0 ? e.ports.map((p) => `${a.ip}:${p.port}`) : [a.ip])),
    );
    const endpointIps = new Set(endpoints.map(hostOf));
    const named = value.servers.filter((s) => isValidAddress(hostOf(s)));
    const notApiServer = endpoints.length === 0 ? [] : named.filter((s) => !endpointIps.has(hostOf(s)) && !hostOf(s).startsWith('127.') && hostOf(s) !== '::1');
    const first = value.errors[0];
    return {
      unableToConnect: unableLines,
      certificateErrors: x509,
      servers: value.servers,
      apiServerEndpoints: endpoints.length > 0 ? endpoints.join(', ') : 'unknown (Endpoints default/kubernetes not captured)',
      endpointsKnown: endpoints.length > 0,
      notApiServer,
      notApiServerCount: notApiServer.length,
      source: { file: file.file, ...(first ? { line: first.line } : {}) },
    };
  },
});
