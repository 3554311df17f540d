// Fixtures: ingress-nginx logs in nginx's error-log form (`[error] 41#41: *9273 upstream timed out (110: Connection timed
// out) while connecting to upstream, client: …, upstream: "http://10.42.1.5:80/"`) and the controller's upstreaminfo
// access-log form with a 504; the Rancher version from the rancher/rancher-agent image of cattle-cluster-agent.
import { fixture, ruleTester } from './fixture.js';

const id = 'rancher-system-ns-isolation';
const cluster = { kind: 'Cluster', name: 'rancher-rke-dc1' };
const common = {
  nodes: 'rke-node-1',
  at: 'nodes/rke-node-1/logs/ingress-nginx.log line 5',
  upstreams: 'http://10.42.1.5:80 (pod default/hello-world-6f9c7b5d8-x2kqp on rke-node-2)',
};

ruleTester.run(id, {
  // silent-before-v2-0-7: the same timeouts on Rancher v2.0.6, which the note about upgrades to v2.0.7+ excludes;
  // silent-upstream-on-cut-off-node: the upstream pod's node drops VXLAN, which rancher-required-ports reports.
  valid: [fixture(id, 'silent-no-timeouts'), fixture(id, 'silent-before-v2-0-7'), fixture(id, 'silent-upstream-on-cut-off-node')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-after-upgrade'),
      findings: [
        {
          messageId: 'upstreamTimedOut',
          subject: cluster,
          severity: 'warning',
          data: {
            ...common,
            timedOutTimes: '3 times',
            gatewayNote: '; 3 responses were 504 Gateway Time-out',
            versionNote:
              'Rancher is v2.0.8 (image rancher/rancher-agent:v2.0.8 of pod cattle-system/cattle-cluster-agent-5c8d9f7b6-q8w4n); whether it was upgraded from v2.0.6 or earlier cannot be seen in the snapshot.',
          },
          evidence: [{ fact: 'rancherSystemNsIsolation', path: 'timedOutCount', actual: 3 }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-version-unknown'),
      findings: [
        {
          messageId: 'upstreamTimedOut',
          subject: cluster,
          data: {
            ...common,
            timedOutTimes: '1 time',
            gatewayNote: '; 1 response was 504 Gateway Time-out',
            versionNote: 'The Rancher version is not in the snapshot (no rancher/rancher or rancher/rancher-agent image in cattle-system), nor is its upgrade history.',
          },
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-ingress-logs'), capture: 'nodes/<node>/logs/ingress-nginx.log', subjects: ['rancher-rke-dc1'] }],
});
