import { fixture, ruleTester } from './fixture.js';

const id = 'tke-ingress-unreachable';
const shop = { kind: 'Ingress', namespace: 'shop', name: 'shop' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-backends-resolve')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-backends-broken'),
      findings: [
        { messageId: 'backendNoEndpoints', subject: shop, severity: 'error', data: { noEndpoints: 'shop.example.com/cart → cart:http' } },
        {
          // 8080 is cart's targetPort, not its Service port
          messageId: 'backendPortMissing',
          subject: shop,
          data: { missingPorts: 'shop.example.com/checkout → cart:8080 (Service ports: http:80)' },
        },
        {
          messageId: 'backendServiceMissing',
          subject: shop,
          data: { missingServices: 'shop.example.com/api/orders → order:9090' },
          evidence: [{ fact: 'ingressBackends', path: 'missingServiceCount', actual: 1 }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-endpoints'), capture: 'endpoints.json' }],
});
