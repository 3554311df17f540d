// The IKS cluster's fixed layout and its plan's types (no imports: the model and the planners share it).

/** A multizone IKS classic cluster in Dallas: one private and one public VLAN per zone. */
export const iksZones = [
  { zone: 'dal10', privateVlan: '2234947', publicVlan: '2234945', privateBase: '10.176.0.0', publicBase: '169.62.0.0' },
  { zone: 'dal12', privateVlan: '2294021', publicVlan: '2294019', privateBase: '10.184.0.0', publicBase: '169.46.0.0' },
  { zone: 'dal13', privateVlan: '2234943', publicVlan: '2234941', privateBase: '10.186.0.0', publicBase: '169.60.0.0' },
] as const;
export const iksClusterId = 'c9bq5tbo2d0kbnmfq8sfs0';
export const iksClusterName = 'bench-iks';
export const iksAccount = '676e515740d84100829a08daed2a5322';

/** Portable public subnets of one zone (/29: 5 usable addresses, as IKS orders them) and their addresses, in order. */
export interface PortableSubnet {
  id: string;
  cidr: string;
  gateway: string;
  ips: string[];
  /** Addresses the cluster keeps out of the load balancers' pool (ConfigMap reserved_public_ip). */
  reserved: string[];
}

export interface IksZonePlan {
  zone: (typeof iksZones)[number];
  subnets: PortableSubnet[];
  privateSubnet: { id: string; cidr: string; gateway: string };
  /** The public ALB's address (a portable IP of the zone). */
  albIp: string;
}

export interface IksPlan {
  zones: IksZonePlan[];
}
