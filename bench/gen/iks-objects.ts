// IBM Cloud Kubernetes Service (classic, Calico): the node labels and providerID IKS sets, the portable-subnet
// ConfigMap and the `ibmcloud ks` / calicoctl outputs under cluster/, in the shapes of the real outputs kept in
// test/fixtures/outputs/{ibmcloud-ks-*,calicoctl-*}/ and snapshots/scenarios/iks-nlb-unreachable/.
import { type IksPlan, iksAccount, iksClusterId, iksClusterName, iksZones } from './iks-model.js';
import { albId, publicIpOf, workerId, zoneOf } from './iks-plan.js';
import type { Plan, PlannedNode } from './model.js';

export const iksWorkerVersion = '1.28.11_1571';
export const iksKubeletVersion = 'v1.28.11+IKS';
export const iksMachineType = 'b3c.4x16.encrypted';

/** Labels IKS puts on a classic worker (ibm-cloud.kubernetes.io/*, the VLAN labels, zone and region). */
export function iksNodeLabels(n: PlannedNode): Record<string, string> {
  const z = zoneOf(n);
  return {
    arch: 'amd64',
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/instance-type': iksMachineType,
    'beta.kubernetes.io/os': 'linux',
    'failure-domain.beta.kubernetes.io/region': 'us-south',
    'failure-domain.beta.kubernetes.io/zone': z.zone,
    'ibm-cloud.kubernetes.io/encrypted-docker-data': 'true',
    'ibm-cloud.kubernetes.io/external-ip': publicIpOf(n),
    'ibm-cloud.kubernetes.io/iaas-provider': 'softlayer',
    'ibm-cloud.kubernetes.io/internal-ip': n.ip,
    'ibm-cloud.kubernetes.io/machine-type': iksMachineType,
    'ibm-cloud.kubernetes.io/os': 'UBUNTU_20_64',
    'ibm-cloud.kubernetes.io/region': 'us-south',
    'ibm-cloud.kubernetes.io/sgx-enabled': 'false',
    'ibm-cloud.kubernetes.io/worker-id': workerId(n),
    'ibm-cloud.kubernetes.io/worker-pool-id': `${iksClusterId}-8c99338`,
    'ibm-cloud.kubernetes.io/worker-pool-name': 'default',
    'ibm-cloud.kubernetes.io/worker-version': iksWorkerVersion,
    'ibm-cloud.kubernetes.io/zone': z.zone,
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.ip,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': iksMachineType,
    privateVLAN: z.privateVlan,
    publicVLAN: z.publicVlan,
    'topology.kubernetes.io/region': 'us-south',
    'topology.kubernetes.io/zone': z.zone,
  };
}

/** spec.providerID as IKS classic sets it: ibm://<account>///<cluster ID>/<worker ID>. */
export const iksProviderId = (n: PlannedNode) => `ibm://${iksAccount}///${iksClusterId}/${workerId(n)}`;

/** kube-system/ibm-cloud-provider-vlan-ip-config: the portable subnets per VLAN (vlanipmap.json), reserved addresses. */
export function vlanIpConfigData(iks: IksPlan): Record<string, string> {
  const vlans = iks.zones.flatMap((z) => [
    { id: z.zone.privateVlan, subnets: [{ id: z.privateSubnet.id, ips: [], is_public: false, is_byoip: false, cidr: z.privateSubnet.cidr }], zone: z.zone.zone, region: 'us-south' },
    { id: z.zone.publicVlan, subnets: z.subnets.map((s) => ({ id: s.id, ips: s.ips, is_public: true, is_byoip: false, cidr: s.cidr })), zone: z.zone.zone, region: 'us-south' },
  ]);
  const reserved = iks.zones.flatMap((z) => z.subnets.flatMap((s) => s.reserved));
  return {
    cluster_id: iksClusterId,
    reserved_private_ip: '',
    reserved_private_vlan_id: '',
    reserved_public_ip: reserved.join(','),
    reserved_public_vlan_id: '',
    'vlanipmap.json': JSON.stringify({ vlans, vlan_errors: [], reserved_ips: reserved }, null, 2),
  };
}

const row = (widths: number[], cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('   ').trimEnd();

/** `ibmcloud ks workers --cluster <cluster>` (table); a NotReady worker in state critical (IBM's worker node states). */
export function ibmcloudKsWorkers(plan: Plan): string {
  const widths = [48, 15, 14, 19, 6, 8, 5, 12];
  const lines = ['OK', row(widths, ['ID', 'Public IP', 'Private IP', 'Machine Type', 'State', 'Status', 'Zone', 'Version'])];
  for (const n of plan.nodes) lines.push(row(widths, [workerId(n), publicIpOf(n), n.ip, iksMachineType, n.notReady ? 'critical' : 'normal', n.notReady ? 'NotReady' : 'Ready', zoneOf(n).zone, iksWorkerVersion]));
  return `${lines.join('\n')}\n`;
}

/** `ibmcloud ks albs --cluster <cluster>`: a public and a private ALB per zone, the public ones enabled. */
export function ibmcloudKsAlbs(iks: IksPlan): string {
  const widths = [46, 7, 8, 7, 14, 5, 22, 11];
  const lines = ['OK', row(widths, ['ALB ID', 'Enabled', 'Status', 'Type', 'ALB IP', 'Zone', 'Build', 'ALB VLAN ID', 'NLB Version'])];
  iks.zones.forEach((z, i) => lines.push(row(widths, [albId(i, 'private'), 'false', 'disabled', 'private', '-', z.zone.zone, 'ingress:1.8.1_5125_iks', z.zone.privateVlan, '-'])));
  iks.zones.forEach((z, i) => lines.push(row(widths, [albId(i), 'true', 'enabled', 'public', z.albIp, z.zone.zone, 'ingress:1.8.1_5125_iks', z.zone.publicVlan, '1.0'])));
  return `${lines.join('\n')}\n`;
}

const ingressSubdomain = `${iksClusterName}-47d7983a425e05fef831e694b7945b16-0000.us-south.containers.appdomain.cloud`;
const ingressSecret = `${iksClusterName}-47d7983a425e05fef831e694b7945b16-0000`;

/** `ibmcloud ks alb-certs --cluster <cluster>`: the IBM-provided secret and two imported certificates, all created. */
export function ibmcloudKsAlbCerts(): string {
  const crn = (id: string) => `crn:v1:bluemix:public:cloudcerts:us-south:a/${iksAccount}:0db4351b-0ee1-479d-af37-56a4da9ef30f:certificate:${id}`;
  const widths = [44, 11, 128, 26, 70];
  const lines = ['OK', row(widths, ['Name', 'Namespace', 'CRN', 'Expires On', 'Domain', 'Status'])];
  lines.push(row(widths, [ingressSecret, 'default', crn('4bc35b7e0badb304e60aef00947ae7ff'), '2027-02-01T00:00:00+0000', `*.${ingressSubdomain}`, 'created']));
  lines.push(row(widths, ['shop-tls', 'default', crn('1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d'), '2027-01-15T09:12:44+0000', 'shop.example.com', 'created']));
  return `${lines.join('\n')}\n`;
}

/** `ibmcloud ks cluster-get --cluster <cluster> --showResources`. */
export function ibmcloudKsClusterGet(plan: Plan, iks: IksPlan): string {
  const field = (name: string, value: string) => `${`${name}:`.padEnd(32)}${value}   `;
  const subnets = iks.zones.flatMap((z) => [`${z.zone.privateVlan}   ${z.privateSubnet.cidr.padEnd(18)}   false    false   `, ...z.subnets.map((s) => `${z.zone.publicVlan}   ${s.cidr.padEnd(18)}   true     false   `)]);
  return [
    `Retrieving cluster ${iksClusterName} and all its resources...`,
    'OK',
    '',
    field('Name', iksClusterName),
    field('ID', iksClusterId),
    field('State', 'normal'),
    field('Created', '2026-03-02T08:14:51+0000'),
    field('Location', 'dal10'),
    field('Master URL', 'https://c100.us-south.containers.cloud.ibm.com:31250'),
    field('Public Service Endpoint URL', 'https://c100.us-south.containers.cloud.ibm.com:31250'),
    field('Private Service Endpoint URL', 'https://c100.private.us-south.containers.cloud.ibm.com:31250'),
    field('Master Location', 'Dallas'),
    field('Master Status', 'Ready (3 days ago)'),
    field('Ingress Subdomain', ingressSubdomain),
    field('Ingress Secret', ingressSecret),
    field('Workers', String(plan.nodes.length)),
    field('Worker Zones', iksZones.map((z) => z.zone).join(', ')),
    field('Version', iksWorkerVersion),
    field('Owner', 'owner@example.com'),
    field('Monitoring Dashboard', '-'),
    field('Resource Group ID', 'a8a12accd63b437bbd6d58fb6a462ca7'),
    field('Resource Group Name', 'Default'),
    '',
    'Subnet VLANs',
    'VLAN ID   Subnet CIDR          Public   User-managed   ',
    ...subnets,
    '',
  ].join('\n');
}

/** `ibmcloud ks subnets --provider classic`: the cluster's subnets, bound to it. */
export function ibmcloudKsSubnets(iks: IksPlan): string {
  const widths = [7, 18, 15, 7, 7, 13];
  const lines = ['OK', row(widths, ['ID', 'Network', 'Gateway', 'VLAN ID', 'Type', 'Bound Cluster', 'Zone'])];
  for (const z of iks.zones) {
    lines.push(row(widths, [z.privateSubnet.id, z.privateSubnet.cidr, z.privateSubnet.gateway, z.zone.privateVlan, 'private', iksClusterName, z.zone.zone]));
    for (const s of z.subnets) lines.push(row(widths, [s.id, s.cidr, s.gateway, z.zone.publicVlan, 'public', iksClusterName, z.zone.zone]));
  }
  return `${lines.join('\n')}\n`;
}

/** `calicoctl version` with a current client, and its v3 configuration file (etcd datastore, as IKS classic documents it). */
export const calicoctlVersion = 'Client Version:    v3.26.4\nGit commit:        5d1b8e5f8\nCluster Version:   v3.26.4\nCluster Type:      k8s,bgp,kubeadm,kdd\n';
export const calicoctlCfg = `apiVersion: projectcalico.org/v3
kind: CalicoAPIConfig
metadata:
spec:
    datastoreType: etcdv3
    etcdEndpoints: https://c100.us-south.containers.cloud.ibm.com:30776
    etcdKeyFile: /root/.bluemix/plugins/container-service/clusters/${iksClusterName}-admin/admin-key.pem
    etcdCertFile: /root/.bluemix/plugins/container-service/clusters/${iksClusterName}-admin/admin.pem
    etcdCACertFile: /root/.bluemix/plugins/container-service/clusters/${iksClusterName}-admin/ca-dal10-${iksClusterName}.pem
`;

/** Files under cluster/ of an IKS capture. */
export function iksClusterFiles(plan: Plan, iks: IksPlan): Record<string, string> {
  return {
    'ibmcloud-ks-workers.txt': ibmcloudKsWorkers(plan),
    'ibmcloud-ks-albs.txt': ibmcloudKsAlbs(iks),
    'ibmcloud-ks-alb-certs.txt': ibmcloudKsAlbCerts(),
    'ibmcloud-ks-cluster-get.txt': ibmcloudKsClusterGet(plan, iks),
    'ibmcloud-ks-subnets.txt': ibmcloudKsSubnets(iks),
    'calicoctl-version.txt': calicoctlVersion,
    'calicoctl.cfg': calicoctlCfg,
  };
}

/** Calico's CNI config on an IKS worker (/etc/cni/net.d/10-calico.conflist). */
export const calicoCniConf = `{
  "name": "k8s-pod-network",
  "cniVersion": "0.3.1",
  "plugins": [
    {
      "type": "calico",
      "log_level": "info",
      "datastore_type": "kubernetes",
      "mtu": 1480,
      "ipam": {
          "type": "calico-ipam"
      },
      "policy": {
          "type": "k8s"
      },
      "kubernetes": {
          "kubeconfig": "/etc/cni/net.d/calico-kubeconfig"
      }
    },
    {
      "type": "portmap",
      "snat": true,
      "capabilities": {"portMappings": true}
    }
  ]
}
`;
