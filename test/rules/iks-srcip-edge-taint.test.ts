import { fixture, ruleTester } from './fixture.js';

const id = 'iks-srcip-edge-taint';
const alb = 'public-cr18e61e63c6e94b658596ca93d087eed9-alb1';
const albService = { kind: 'Service', namespace: 'kube-system', name: alb };
const edge = { edgeNodes: '10.176.48.90, 10.176.48.91', edgeTaints: 'dedicated=edge:NoExecute, dedicated=edge:NoSchedule' };

ruleTester.run(id, {
  valid: [
    // The app pods carry the edge node affinity and a dedicated=edge toleration (no effect: both taints).
    fixture(id, 'silent-edge-affinity-and-toleration'),
    // The ALB's Service has externalTrafficPolicy: Local; its ALB pods and the pods of default/myingress's backend
    // carry the affinity and toleration. default/internal's pod does not, but its Ingress is for the private ALB
    // only (ingress.bluemix.net/ALB-ID), not this public one.
    fixture(id, 'silent-alb-and-apps-on-edge'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-app-without-edge-toleration'),
      findings: [
        {
          messageId: 'podsCannotRunOnEdge',
          subject: { kind: 'Service', namespace: 'default', name: 'myservice' },
          data: { ...edge, pods: 2, podNames: 'myservice-7c9d5b6f8-a1b2c, myservice-7c9d5b6f8-d3e4f' },
        },
      ],
    },
    {
      // The ALB deployment lost its toleration and affinity: its pods run on the two non-edge workers. Reported
      // once, as the ALB's problem (not as podsCannotRunOnEdge of "app" pods).
      snapshot: fixture(id, 'fires-alb-pods-without-edge-toleration'),
      findings: [
        {
          messageId: 'albPodsCannotRunOnEdge',
          subject: albService,
          data: { ...edge, albId: alb, albPods: 2, albPodNames: `${alb}-5d7c8b9f6-m8r4t, ${alb}-5d7c8b9f6-x2kqp` },
          evidence: [{ fact: 'iksAlbSourceIp', path: 'albPodsFitEdge', actual: 0 }],
        },
      ],
    },
    {
      // The ALB pods run on the edge nodes; the backend of default/myingress (no class: public ALBs) cannot.
      snapshot: fixture(id, 'fires-alb-ingress-app-not-on-edge'),
      findings: [
        {
          messageId: 'ingressAppsCannotRunOnEdge',
          subject: albService,
          data: {
            ...edge,
            albId: alb,
            ingresses: 'default/myingress',
            appServicesOffEdge: 'default/myservice (2 of 2 pods: myservice-7c9d5b6f8-a1b2c, myservice-7c9d5b6f8-d3e4f)',
          },
          evidence: [{ fact: 'iksAlbIngressApps', path: 'appServicesOffEdgeCount', actual: 1 }],
        },
      ],
    },
  ],
  notEvaluated: [
    { snapshot: fixture(id, 'not-evaluated-no-pods'), capture: 'pods.json' },
    // No ingresses.json: the ALB's Service is listed as not evaluated for want of it (the Ingress check's fact needs
    // it; the engine does not name the check a fact's missing data stopped), no other Service is; its ALB pods fit.
    { snapshot: fixture(id, 'not-evaluated-alb-no-ingresses'), capture: 'ingresses.json', subjects: [alb] },
  ],
});
