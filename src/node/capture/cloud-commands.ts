/**
 * Cloud inventory of the snapshot layout (docs/snapshot-format.md, "Cloud inventory"):
 * the vendor CLI commands and the files their JSON goes to. They need IDs only the user
 * knows (VPC, route table, security group), so capture prints them to run where that CLI
 * is logged in, rather than guessing.
 */
export type Cloud = 'aliyun' | 'tencent' | 'azure' | 'ibm';

export const clouds: readonly Cloud[] = ['aliyun', 'tencent', 'azure', 'ibm'];

export const cloudCommands: Record<Cloud, readonly string[]> = {
  aliyun: [
    'aliyun vpc DescribeVSwitches --VpcId <vpc-id> > cloud/aliyun-vswitches.json',
    'aliyun vpc DescribeSnatTableEntries --SnatTableId <snat-table-id> > cloud/aliyun-snat-entries.json',
    'aliyun vpc DescribeRouteEntryList --RouteTableId <route-table-id> > cloud/aliyun-route-entries.json',
  ],
  tencent: ['tccli vpc DescribeSecurityGroupPolicies --SecurityGroupId <sg-id> > cloud/tencent-security-groups-node-<sg-id>.json'],
  azure: ['az network route-table route list -g <resource-group> --route-table-name <route-table> -o json > cloud/azure-routes.json'],
  ibm: [
    'ibmcloud ks workers --cluster <cluster> > cluster/ibmcloud-ks-workers.txt',
    'ibmcloud ks albs --cluster <cluster> > cluster/ibmcloud-ks-albs.txt',
    'ibmcloud ks cluster get --cluster <cluster> > cluster/ibmcloud-ks-cluster-get.txt',
    'ibmcloud ks subnets > cluster/ibmcloud-ks-subnets.txt',
  ],
};
