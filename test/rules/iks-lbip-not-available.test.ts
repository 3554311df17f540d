import { fixture, ruleTester } from './fixture.js';

const id = 'iks-lbip-not-available';
const service = { kind: 'Service', namespace: 'default', name: 'myservice' };
const checked = '10.216.29.64/29 (private VLAN 2936320, wdc04), 169.47.155.240/29 (public VLAN 2936318, wdc04)';

ruleTester.run(id, {
  // 169.47.155.246 is the last usable address of the public /29.
  valid: [fixture(id, 'silent-inside-portable-subnet')],
  invalid: [
    {
      // 169.47.155.248 is the first address after 169.47.155.240/29.
      snapshot: fixture(id, 'fires-just-outside-portable-subnet'),
      findings: [{ messageId: 'outsidePortableSubnets', subject: service, data: { requested: '169.47.155.248', checkedAgainst: checked } }],
    },
    {
      // Inside the subnet but taken: only the provider's event tells; reported once.
      snapshot: fixture(id, 'fires-requested-ip-event'),
      findings: [
        {
          messageId: 'requestedIpNotAvailable',
          subject: service,
          data: { eventRequested: '169.47.155.244', available: '169.47.155.245,169.47.155.246', event: 'Event default/myservice.17a9c0b2f1d3e4d1', serviceNote: '' },
        },
      ],
    },
    {
      // The same event, but default/myservice is not in services.json (an empty list): reported on it all the same.
      snapshot: fixture(id, 'fires-event-service-not-captured'),
      findings: [
        {
          messageId: 'requestedIpNotAvailable',
          subject: service,
          data: {
            eventRequested: '169.47.155.244',
            available: '169.47.155.245,169.47.155.246',
            serviceNote: ' (not in the snapshot: deleted since, or not captured; its Events name it)',
          },
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-configmaps'), capture: 'configmaps.json', checks: ['outsidePortableSubnets'] }],
});
