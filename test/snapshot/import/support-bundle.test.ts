import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../../src/node/load-snapshot.js';
import { buildSnapshot } from '../../../src/snapshot/build-snapshot.js';

const fixture = new URL('../../fixtures/imports/support-bundle-k3d/', import.meta.url).pathname;
const node = 'k3d-mycluster-server-0';

describe('troubleshoot.sh support bundles (the real k3d bundle; host collectors in the layout of troubleshoot\'s pkg/collect)', () => {
  it('.tar.gz: objects from cluster-resources/, component logs placed on the pod\'s node', async () => {
    const { snapshot, diagnostics } = await loadSnapshot(`${fixture}support-bundle.tar.gz`);
    expect(snapshot.nodes.map((n) => n.name)).toEqual([node]);
    expect(snapshot.pods).toHaveLength(8);
    expect(snapshot.captured).toEqual(['Deployment', 'Event', 'Ingress', 'Namespace', 'NetworkPolicy', 'Node', 'Pod', 'Service']);
    expect(Object.keys(snapshot.nodeOutputs)).toEqual([node]);
    const logs = snapshot.nodeOutputs[node]?.logs ?? {};
    expect(Object.keys(logs).sort()).toEqual(['svclb-lb-tcp-443', 'svclb-lb-tcp-443-previous', 'svclb-lb-tcp-80', 'svclb-lb-tcp-80-previous', 'traefik', 'traefik-previous']);
    expect(logs.traefik?.file).toBe('support-bundle/cluster-resources/pods/logs/kube-system/traefik-7cd4fcff68-9blj6/traefik.log');
    expect(logs['svclb-lb-tcp-80-previous']?.file).toBe('support-bundle/cluster-resources/pods/logs/kube-system/svclb-traefik-8ea5448e-d2m74/lb-tcp-80-previous.log');
    expect(diagnostics).toEqual([
      { severity: 'info', code: 'pod-logs-not-read', message: expect.stringMatching(/^13 container logs are not of a node network component/) },
      { severity: 'info', code: 'skipped-files', message: '3 files not read (support bundle: outputs of collectors kube-netdoctor does not read)' },
      { severity: 'info', code: 'skipped-files', message: '54 files not read (support bundle: cluster-resources of kinds no rule reads)' },
      { severity: 'info', code: 'archive-links-skipped', message: '19 links in the archive not followed (their targets are read where they are)', file: 'support-bundle.tar.gz' },
    ]);
  });

  it('directory: the same objects and logs', async () => {
    const { snapshot, diagnostics } = await loadSnapshot(`${fixture}directory`);
    expect(snapshot.pods).toHaveLength(8);
    expect(Object.keys(snapshot.nodeOutputs[node]?.logs ?? {}).sort()).toEqual(['svclb-lb-tcp-443', 'svclb-lb-tcp-443-previous', 'svclb-lb-tcp-80', 'svclb-lb-tcp-80-previous', 'traefik', 'traefik-previous']);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('buildSnapshot reads the .tar.gz from bytes (no file system), as in a browser', () => {
    const bytes = new Uint8Array(readFileSync(`${fixture}support-bundle.tar.gz`));
    const { snapshot } = buildSnapshot([{ path: 'bundle.tgz', bytes }]);
    expect(snapshot.nodes.map((n) => n.name)).toEqual([node]);
    expect(Object.keys(snapshot.nodeOutputs[node]?.logs ?? {})).toContain('traefik');
  });

  it('places kube-proxy, flannel and ingress-nginx logs by the pod\'s nodeName; an empty List with items: null counts as captured', () => {
    const pod = (name: string, container: string, image: string, nodeName: string) => ({ kind: 'Pod', metadata: { name, namespace: 'kube-system' }, spec: { nodeName, containers: [{ name: container, image }] } });
    const { snapshot, diagnostics } = buildSnapshot([
      { path: 'b/cluster-resources/nodes.json', text: '{"kind":"NodeList","apiVersion":"v1","items":null}' },
      {
        path: 'b/cluster-resources/pods/kube-system.json',
        text: JSON.stringify({
          kind: 'PodList',
          apiVersion: 'v1',
          items: [
            pod('kube-proxy-a', 'kube-proxy', 'registry.k8s.io/kube-proxy:v1.29.0', 'n1'),
            pod('kube-flannel-ds-b', 'kube-flannel', 'docker.io/flannel/flannel:v0.24.0', 'n2'),
            pod('ingress-nginx-controller-c', 'controller', 'registry.k8s.io/ingress-nginx/controller:v1.9.4', 'n2'),
            pod('coredns-d', 'coredns', 'registry.k8s.io/coredns/coredns:v1.11.1', 'n1'),
          ],
        }),
      },
      { path: 'b/cluster-resources/pods/logs/kube-system/kube-proxy-a/kube-proxy.log', text: 'I1 "Using ipvs Proxier"\n' },
      { path: 'b/cluster-resources/pods/logs/kube-system/kube-flannel-ds-b/kube-flannel.log', text: 'x\n' },
      { path: 'b/cluster-resources/pods/logs/kube-system/kube-flannel-ds-b/kube-flannel-previous.log', text: 'y\n' },
      { path: 'b/cluster-resources/pods/logs/kube-system/ingress-nginx-controller-c/controller.log', text: 'z\n' },
      { path: 'b/cluster-resources/pods/logs/kube-system/coredns-d/coredns.log', text: 'w\n' },
      { path: 'b/cluster-resources/pods/logs/kube-system/gone-e/c.log', text: 'v\n' },
    ]);
    expect(snapshot.captured).toEqual(['Node', 'Pod']);
    expect(Object.keys(snapshot.nodeOutputs.n1?.logs ?? {})).toEqual(['kube-proxy']);
    expect(Object.keys(snapshot.nodeOutputs.n2?.logs ?? {}).sort()).toEqual(['flanneld', 'flanneld-previous', 'ingress-nginx']);
    expect(diagnostics).toEqual([{ severity: 'info', code: 'pod-logs-not-read', message: expect.stringMatching(/^2 container logs/) }]);
  });

  it('host collectors (host-collectors/run-host/<name>.txt) become the outputs of the host named in hostos_info.json', () => {
    const iptables = readFileSync(new URL('../../fixtures/outputs/iptables-save/kube-proxy-1.28-nft.txt', import.meta.url), 'utf8');
    const { snapshot, diagnostics } = buildSnapshot([
      { path: 'sb/version.yaml', text: 'apiVersion: troubleshoot.sh/v1beta2\nkind: SupportBundle\n' },
      { path: 'sb/cluster-resources/nodes.json', text: '{"kind":"NodeList","apiVersion":"v1","items":[{"kind":"Node","metadata":{"name":"node-1"}},{"kind":"Node","metadata":{"name":"node-2"}}]}' },
      { path: 'sb/host-collectors/system/hostos_info.json', text: '{"name": "node-2", "kernelVersion": "5.15.0", "platform": "ubuntu"}' },
      { path: 'sb/host-collectors/run-host/iptables-save.txt', text: iptables },
      { path: 'sb/host-collectors/run-host/iptables-save-info.json', text: '{"command":"iptables-save","exitCode":"0"}' },
      { path: 'sb/host-collectors/run-host/rules.txt', text: iptables },
      { path: 'sb/host-collectors/run-host/uptime.txt', text: ' 10:00:00 up 3 days\n' },
    ]);
    expect(Object.keys(snapshot.nodeOutputs)).toEqual(['node-2']);
    expect(snapshot.nodeOutputs['node-2']?.commands['iptables-save']?.file).toBe('sb/host-collectors/run-host/rules.txt');
    expect(diagnostics).toEqual([
      { severity: 'info', code: 'skipped-files', message: '1 files not read (support bundle: host collector outputs of commands no rule reads)' },
      { severity: 'info', code: 'skipped-files', message: '2 files not read (support bundle: outputs of collectors kube-netdoctor does not read)' },
    ]);
  });
});
