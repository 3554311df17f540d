import { describe, expect, it } from 'vitest';
import { IbmcloudKsAlbCertsValue, parseIbmcloudKsAlbCerts } from '../../../src/parsers/cluster/ibmcloud-ks-alb-certs.js';
import { IbmcloudKsAlbsValue, parseIbmcloudKsAlbs } from '../../../src/parsers/cluster/ibmcloud-ks-albs.js';
import { IbmcloudKsWorkerGetValue, parseIbmcloudKsWorkerGet } from '../../../src/parsers/cluster/ibmcloud-ks-worker-get.js';
import { IbmcloudKsWorkersValue, parseIbmcloudKsWorkers } from '../../../src/parsers/cluster/ibmcloud-ks-workers.js';
import { IbmcloudKsClusterGetValue, parseIbmcloudKsClusterGet } from '../../../src/parsers/cluster/ibmcloud-ks-cluster-get.js';
import { IbmcloudKsSubnetsValue, parseIbmcloudKsSubnets } from '../../../src/parsers/cluster/ibmcloud-ks-subnets.js';
import { brief, readFixture } from '../config-parser-helpers.js';

// `--json` output: the objects of the IKS v1 API, with the field names of IBM-Cloud/bluemix-go's containerv1
// Worker, ALBConfig and ALBSecretConfig; the values are those of the table fixtures of the same commands.
describe('ibmcloud ks --json outputs', () => {
  it('workers: API fields, the line of each worker\'s id, empty strings as absent', () => {
    const { value, diagnostics } = parseIbmcloudKsWorkers(readFixture('ibmcloud-ks-workers', 'classic-json.json'), { file: 'cluster/ibmcloud-ks-workers.json' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      columns: [],
      workers: [
        {
          id: 'kube-dal10-cr18e61e63c6e94b658596ca93d087eed9-w1',
          publicIp: '169.47.252.42',
          privateIp: '10.176.48.67',
          flavor: 'u3c.2x4.encrypted',
          state: 'normal',
          status: 'Ready',
          zone: 'dal10',
          version: '1.13.6_1513',
          workerPool: 'default',
          updateAvailable: false,
          line: 5,
        },
        {
          id: 'kube-dal12-cr18e61e63c6e94b658596ca93d087eed9-w3',
          privateIp: '10.184.17.220',
          flavor: 'b3c.4x16.encrypted',
          state: 'provision_pending',
          zone: 'dal12',
          version: '1.13.6_1524',
          workerPool: 'default',
          updateAvailable: false,
          line: 27,
        },
      ],
    });
    expect(IbmcloudKsWorkersValue.parse(value)).toEqual(value);
  });

  it('workers: a cut JSON file is an error on the line where it breaks', () => {
    const { value, diagnostics } = parseIbmcloudKsWorkers(readFixture('ibmcloud-ks-workers', 'broken-json-cut.json'), { file: 'cluster/ibmcloud-ks-workers.json' });
    expect(value.workers).toEqual([]);
    expect(brief(diagnostics)).toEqual([{ severity: 'error', code: 'invalid-json', line: 22 }]);
  });

  it('worker-get: the VLAN ids the document compares with the node labels', () => {
    const { value, diagnostics } = parseIbmcloudKsWorkerGet(readFixture('ibmcloud-ks-worker-get', 'classic-json.json'));
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({
      id: 'kube-dal10-cr18a61a63a6a94b658596aa93d087aaa9-w1',
      privateVlan: '2234947',
      publicVlan: '2234945',
      privateIp: '10.176.48.67',
      zone: 'dal10',
      lines: { privateVlan: 4, publicVlan: 4 },
    });
    expect(IbmcloudKsWorkerGetValue.parse(value)).toEqual(value);
  });

  it('albs: enable, albType, albip and zone', () => {
    const { value, diagnostics } = parseIbmcloudKsAlbs(readFixture('ibmcloud-ks-albs', 'classic-json.json'));
    expect(diagnostics).toEqual([]);
    expect(value.albs.map((a) => [a.id, a.enabled, a.type, a.ip ?? '-', a.zone, a.vlanId, a.line])).toEqual([
      ['private-cr96039a75fddb4ad1a09ced6699c88888-alb1', false, 'private', '-', 'dal10', '2294021', 3],
      ['public-cr96039a75fddb4ad1a09ced6699c88888-alb1', true, 'public', '169.62.196.238', 'dal10', '2294019', 20],
    ]);
    expect(IbmcloudKsAlbsValue.parse(value)).toEqual(value);
    // The ALB API's cluster object holds the list under `alb`.
    const wrapped = parseIbmcloudKsAlbs(JSON.stringify({ id: 'mycluster', alb: JSON.parse(readFixture('ibmcloud-ks-albs', 'classic-json.json')) }));
    expect(wrapped.value.albs.map((a) => a.id)).toEqual(value.albs.map((a) => a.id));
  });

  it('alb-certs: secretName, domainName and a *_failed state', () => {
    const { value, diagnostics } = parseIbmcloudKsAlbCerts(readFixture('ibmcloud-ks-alb-certs', 'classic-json.json'));
    expect(diagnostics).toEqual([]);
    expect(value.certs.map((c) => [c.secretName, c.domain, c.status, c.failed, c.line])).toEqual([
      ['mycluster', '*.mycluster-d7f1e4c0a9b2.us-south.containers.appdomain.cloud', 'created', false, 3],
      ['shop-tls', 'shop.example.com', 'create_failed', true, 14],
    ]);
    expect(IbmcloudKsAlbCertsValue.parse(value)).toEqual(value);
  });

  // cluster get --json: the field names of bluemix-go's containerv1 ClusterInfo and Vlan (the v1 API object; a lab of
  // IBM's Kubernetes workshops reads `.id`, `.ingressHostname` and `.ingressSecretName` of this output with jq). The
  // values are that lab's `ibmcloud ks cluster get --show-resources` table and vlanipmap.json of the same cluster.
  it('cluster get: the same model as the table form, subnets from vlans[].subnets[]', () => {
    const { value, diagnostics } = parseIbmcloudKsClusterGet(readFixture('ibmcloud-ks-cluster-get', 'classic-json.json'), { file: 'cluster/ibmcloud-ks-cluster-get.json' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      name: 'remkohdev-iks118-1n-cluster1',
      id: 'bvlntf2d0fe4l9hnres0',
      state: 'normal',
      location: 'dal10',
      version: '1.18.13_1535',
      ingressSubdomain: 'remkohdev-iks118-1n-clu-47d7983a425e05fef831e694b7945b16-0000.us-south.containers.appdomain.cloud',
      ingressSecret: 'remkohdev-iks118-1n-clu-47d7983a425e05fef831e694b7945b16-0000',
      workers: 1,
      workerZones: ['dal10'],
      podSubnet: '172.30.0.0/16',
      serviceSubnet: '172.21.0.0/16',
      masterStatus: 'Ready',
      subnetVlans: [
        { vlanId: '3009946', subnetCidr: '10.176.98.248/29', public: false, line: 25 },
        { vlanId: '3009944', subnetCidr: '169.46.16.240/29', public: true, line: 39 },
      ],
      lines: {
        id: 4, ingressSubdomain: 5, ingressSecret: 6, location: 7, version: 8, name: 10, state: 16, workers: 19,
        masterStatus: 56, workerZones: 59, podSubnet: 68, serviceSubnet: 69,
      },
    });
    expect(IbmcloudKsClusterGetValue.parse(value)).toEqual(value);
  });

  it('cluster get: an empty ingressHostname is no subdomain (as `-` in the table), null vlans are none', () => {
    const { value, diagnostics } = parseIbmcloudKsClusterGet(readFixture('ibmcloud-ks-cluster-get', 'normal-no-subdomain-json.json'));
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({ state: 'normal', ingressSecret: 'mycluster', workers: 6, workerZones: ['dal10', 'dal12'], subnetVlans: [] });
    expect(value.ingressSubdomain).toBeUndefined();
    expect(value.lines.ingressSubdomain).toBeUndefined();
    expect(brief(parseIbmcloudKsClusterGet('{"name": "mycluster",\n "state": "normal" "workerCount": 1}').diagnostics)).toEqual([{ severity: 'error', code: 'invalid-json', line: 2 }]);
  });

  // subnets --json: the real output of `ibmcloud ks subnets --provider classic --output json` shown in the same lab
  // (two subnets bound to its cluster), and the unbound subnet of bluemix-go's containerv1 subnets test
  // (prefix "26 " with a trailing space, empty display_label).
  it('subnets: network from network_identifier and the prefix length, bound_cluster, datacenter as zone', () => {
    const { value, diagnostics } = parseIbmcloudKsSubnets(readFixture('ibmcloud-ks-subnets', 'classic-json.json'), { file: 'cluster/ibmcloud-ks-subnets.json' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      columns: [],
      subnets: [
        { id: '2051509', network: '10.177.211.88/29', gateway: '10.177.211.89', vlanId: '2953608', type: 'private', boundCluster: 'bvmvv8vd0a5t7uq0eii0', zone: 'dal10', line: 3 },
        { id: '2506746', network: '169.61.252.0/29', gateway: '169.61.252.1', vlanId: '2953606', type: 'public', boundCluster: 'bvmvv8vd0a5t7uq0eii0', zone: 'dal10', line: 19 },
        { id: '535642', network: '10.130.229.64/26', vlanId: '1565297', type: 'private', line: 35 },
      ],
    });
    expect(IbmcloudKsSubnetsValue.parse(value)).toEqual(value);
  });

  it('subnets: a cut JSON file is an error on the line where it breaks', () => {
    const { value, diagnostics } = parseIbmcloudKsSubnets(readFixture('ibmcloud-ks-subnets', 'broken-json-cut.json'));
    expect(value.subnets).toEqual([]);
    expect(brief(diagnostics)).toEqual([{ severity: 'error', code: 'invalid-json', line: 8 }]);
  });
});
