import { fixture, ruleTester } from './fixture.js';

const id = 'ack-ipvs-scheduler-module';
const broken = { kind: 'Node', name: 'cn-hangzhou.192.168.0.30', node: 'cn-hangzhou.192.168.0.30' };

ruleTester.run(id, {
  valid: [
    fixture(id, 'silent-lc-module-loaded'),
    fixture(id, 'silent-mode-iptables'),
    // The log still shows the old fallback, but kube-proxy used IPVS after the module was loaded.
    fixture(id, 'silent-ipvs-after-module-loaded'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-lc-module-not-loaded'),
      findings: [
        {
          messageId: 'fellBackToIptables',
          subject: broken,
          severity: 'warning',
          data: { configMap: 'kube-proxy-worker', iptablesLast: '1120 10:18:40.002181' },
          evidence: [
            { fact: 'kubeProxyIpvsScheduler', path: 'mode', actual: 'ipvs' },
            { fact: 'nodeLogMessages', path: 'lastLine.kubeProxyUsingIptables', actual: 14 },
          ],
        },
        {
          messageId: 'ipvsUnavailable',
          subject: broken,
          severity: 'error',
          data: { unavailableCount: 2, unavailableLast: '1120 10:18:40.002117', missingModules: 'ip_vs_lc' },
          evidence: [{ fact: 'nodeLogMessages', path: 'lastLine.kubeProxyIpvsUnavailable', actual: 13 }],
        },
        {
          messageId: 'moduleMissing',
          subject: broken,
          severity: 'warning',
          data: { configMap: 'kube-proxy-worker', scheduler: 'lc', module: 'ip_vs_lc', loaded: 'rr, sh, wrr' },
          evidence: [{ fact: 'nodeIpvsModules', path: 'schedulers', actual: ['rr', 'sh', 'wrr'] }],
        },
      ],
    },
  ],
  notEvaluated: [
    {
      snapshot: fixture(id, 'partial-node-without-lsmod'),
      capture: 'nodes/<node>/lsmod',
      subjects: ['cn-hangzhou.192.168.0.30'],
    },
  ],
});
