import { fixture, ruleTester } from './fixture.js';

const id = 'ack-pod-ip-outside-vswitch';
const node = (ip: string) => ({ kind: 'Node', name: `cn-hangzhou.${ip}`, node: `cn-hangzhou.${ip}` });

ruleTester.run(id, {
  valid: [
    // Every pod IP inside its node's vSwitch; the trunk pod (PodNetworking vSwitch) and host-network pods are not checked.
    fixture(id, 'silent-pods-in-vswitches'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-stale-enis'),
      findings: [
        {
          // Joined from another cluster with its ENIs still attached.
          messageId: 'podIpOutsideVSwitch',
          subject: node('192.168.0.11'),
          severity: 'warning',
          data: {
            outsideCount: 2,
            outsidePods: 'default/api-7f6b5c4d3-h8j2k 10.8.0.12, default/api-7f6b5c4d3-z4x6c 10.8.0.13',
            configuredFrom: 'eni-config vswitches[cn-hangzhou-i]',
            vswitchCidrs: 'vsw-bp1s5fnvk4gn2tws03624 (cn-hangzhou-i, 192.168.32.0/24)',
          },
          evidence: [{ fact: 'podIpsOutsideVSwitches', path: 'outsideCount', actual: 2 }],
        },
        {
          // Labelled terway-config: eni-config-fixed, but an ENI from eni-config's vSwitch is still attached.
          messageId: 'podIpOutsideVSwitch',
          subject: node('192.168.0.12'),
          data: {
            outsideCount: 1,
            outsidePods: 'default/db-client-5c4b3a2d1-j9k3l 192.168.32.40',
            configuredFrom: 'eni-config-fixed vswitches[cn-hangzhou-i]',
            vswitchCidrs: 'vsw-bp1fx2zem796p76viir02c (cn-hangzhou-i, 192.168.96.0/24)',
          },
        },
      ],
    },
  ],
  notEvaluated: [
    {
      snapshot: fixture(id, 'not-evaluated-no-vswitch-inventory'),
      capture: 'cloud/aliyun-vswitches.json',
      subjects: ['cn-hangzhou.192.168.0.10', 'cn-hangzhou.192.168.0.11', 'cn-hangzhou.192.168.0.12'],
    },
  ],
});
