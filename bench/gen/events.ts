import { metadata, timeAgo } from './meta.js';
import type { Plan, PlannedPod } from './plan.js';
import type { Random } from './random.js';

function event(rnd: Random, plan: Plan, pod: PlannedPod, e: { type: string; reason: string; message: string; component: string; count: number }) {
  const last = timeAgo(rnd.int(5, 3600));
  const host = plan.nodes[pod.node]!.name;
  const fromKubelet = e.component === 'kubelet';
  return {
    apiVersion: 'v1',
    count: e.count,
    eventTime: null,
    firstTimestamp: e.count > 1 ? timeAgo(rnd.int(3600, 7200)) : last,
    involvedObject: { apiVersion: 'v1', ...(e.reason === 'Scheduled' ? {} : { fieldPath: 'spec.containers{app}' }), kind: 'Pod', name: pod.name, namespace: pod.namespace, resourceVersion: String(rnd.int(1_000_000, 99_999_999)), uid: rnd.uid() },
    kind: 'Event',
    lastTimestamp: last,
    message: e.message,
    metadata: metadata(rnd, { name: `${pod.name}.${rnd.hex(16)}`, namespace: pod.namespace, created: last, managedFields: [] }),
    reason: e.reason,
    reportingComponent: fromKubelet ? 'kubelet' : 'default-scheduler',
    reportingInstance: fromKubelet ? host : '',
    source: fromKubelet ? { component: 'kubelet', host } : { component: 'default-scheduler' },
    type: e.type,
  };
}

/**
 * The sprinkled problems' events first (host-local out of addresses, crash
 * loops), then the ordinary life of pods until `count`.
 */
export function* events(rnd: Random, plan: Plan): Generator<object> {
  let made = 0;
  for (const pod of plan.pods) {
    if (pod.pending) {
      const node = plan.nodes[pod.node]!;
      const [base] = node.podCIDR.split('/');
      const prefix = base!.split('.').slice(0, 3).join('.');
      yield event(rnd, plan, pod, {
        type: 'Warning',
        reason: 'FailedCreatePodSandBox',
        component: 'kubelet',
        count: rnd.int(20, 60),
        message: `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${rnd.hex(64)}": plugin type="flannel" failed (add): failed to delegate add: failed to allocate for range 0: no IP addresses available in range set: ${prefix}.1-${prefix}.254`,
      });
      made++;
    } else if (!pod.ready) {
      yield event(rnd, plan, pod, { type: 'Warning', reason: 'BackOff', component: 'kubelet', count: rnd.int(50, 900), message: 'Back-off restarting failed container app in pod ' + `${pod.name}_${pod.namespace}(${rnd.uid()})` });
      made++;
    }
  }
  // IKS: LoadBalancer Services created after the zone's portable IPs ran out.
  for (const s of plan.services.filter((svc) => svc.iks?.noPortableIp)) {
    const uid = rnd.uid();
    const last = timeAgo(rnd.int(5, 600));
    yield {
      apiVersion: 'v1',
      count: rnd.int(10, 60),
      eventTime: null,
      firstTimestamp: timeAgo(rnd.int(3600, 7200)),
      involvedObject: { apiVersion: 'v1', kind: 'Service', name: s.name, namespace: s.namespace, resourceVersion: String(rnd.int(1_000_000, 99_999_999)), uid },
      kind: 'Event',
      lastTimestamp: last,
      message: `Error on cloud load balancer a${uid.replaceAll('-', '').slice(0, 31)} for service ${s.namespace}/${s.name} with UID ${uid}: No cloud provider IPs are available to fulfill the load balancer service request. Add a portable subnet to the cluster and try again`,
      metadata: metadata(rnd, { name: `${s.name}.${rnd.hex(16)}`, namespace: s.namespace, created: last, managedFields: [] }),
      reason: 'CreatingLoadBalancerFailed',
      reportingComponent: 'service-controller',
      reportingInstance: '',
      source: { component: 'service-controller' },
      type: 'Warning',
    };
    made++;
  }
  const ordinary = [
    (p: PlannedPod) => ({ type: 'Normal', reason: 'Scheduled', component: 'default-scheduler', count: 1, message: `Successfully assigned ${p.namespace}/${p.name} to ${plan.nodes[p.node]!.name}` }),
    (p: PlannedPod) => ({ type: 'Normal', reason: 'Pulled', component: 'kubelet', count: 1, message: `Container image "${plan.deployments['deployment' in p.owner ? p.owner.deployment : 0]!.image}" already present on machine` }),
    () => ({ type: 'Normal', reason: 'Created', component: 'kubelet', count: 1, message: 'Created container app' }),
    () => ({ type: 'Normal', reason: 'Started', component: 'kubelet', count: 1, message: 'Started container app' }),
  ];
  const candidates = plan.pods.filter((p) => !p.hostNetwork && p.ready);
  for (let k = 0; made < plan.counts.events; k++, made++) {
    const pod = candidates[Math.floor(k / ordinary.length) * 7919 % candidates.length]!;
    yield event(rnd, plan, pod, ordinary[k % ordinary.length]!(pod));
  }
}
