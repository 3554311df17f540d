/// <reference types="node" />
import { spawn } from 'node:child_process';
import { constants, createWriteStream } from 'node:fs';
import { access, mkdir, rm } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';

/**
 * Cloud inventory of the snapshot layout (docs/snapshot-format.md, "Cloud inventory"):
 * the vendor CLI commands and the files their output goes to. They need IDs only the
 * user knows (VPC, route table, security group, cluster), given as `--cloud-id name=value`.
 * A command whose IDs are all given is run when its CLI is on PATH; every other one is
 * printed to run where that CLI is logged in.
 */
export type Cloud = 'aliyun' | 'tencent' | 'azure' | 'ibm';

export const clouds: readonly Cloud[] = ['aliyun', 'tencent', 'azure', 'ibm'];

interface CloudCommand {
  args: readonly string[];
  file: string;
}

const commands: Record<Cloud, readonly CloudCommand[]> = {
  aliyun: [
    { args: ['aliyun', 'vpc', 'DescribeVSwitches', '--VpcId', '<vpc-id>'], file: 'cloud/aliyun-vswitches.json' },
    { args: ['aliyun', 'vpc', 'DescribeSnatTableEntries', '--SnatTableId', '<snat-table-id>'], file: 'cloud/aliyun-snat-entries.json' },
    { args: ['aliyun', 'vpc', 'DescribeRouteEntryList', '--RouteTableId', '<route-table-id>'], file: 'cloud/aliyun-route-entries.json' },
  ],
  tencent: [{ args: ['tccli', 'vpc', 'DescribeSecurityGroupPolicies', '--SecurityGroupId', '<sg-id>'], file: 'cloud/tencent-security-groups-node-<sg-id>.json' }],
  azure: [{ args: ['az', 'network', 'route-table', 'route', 'list', '-g', '<resource-group>', '--route-table-name', '<route-table>', '-o', 'json'], file: 'cloud/azure-routes.json' }],
  ibm: [
    { args: ['ibmcloud', 'ks', 'workers', '--cluster', '<cluster>'], file: 'cluster/ibmcloud-ks-workers.txt' },
    { args: ['ibmcloud', 'ks', 'albs', '--cluster', '<cluster>'], file: 'cluster/ibmcloud-ks-albs.txt' },
    { args: ['ibmcloud', 'ks', 'cluster', 'get', '--cluster', '<cluster>'], file: 'cluster/ibmcloud-ks-cluster-get.txt' },
    { args: ['ibmcloud', 'ks', 'subnets'], file: 'cluster/ibmcloud-ks-subnets.txt' },
  ],
};

const fill = (text: string, ids: Readonly<Record<string, string>>) => text.replace(/<([a-z-]+)>/g, (m, id: string) => ids[id] ?? m);

/** The commands of a cloud as a user would type them, with the IDs given filled in. */
export function cloudCommandLines(cloud: Cloud, ids: Readonly<Record<string, string>> = {}): string[] {
  return commands[cloud].map((c) => `${c.args.map((a) => fill(a, ids)).join(' ')} > ${fill(c.file, ids)}`);
}

export interface CloudRun {
  /** Files written by commands that ran. */
  ran: string[];
  /** Commands left for the user (an ID missing, or the CLI not on PATH). */
  printed: string[];
  failed: Array<{ what: string; error: string }>;
}

export async function runCloudCommands(cloud: Cloud, ids: Readonly<Record<string, string>>, outDir: string, pathEnv = process.env.PATH ?? ''): Promise<CloudRun> {
  const result: CloudRun = { ran: [], printed: [], failed: [] };
  for (const command of commands[cloud]) {
    const args = command.args.map((a) => fill(a, ids));
    const file = fill(command.file, ids);
    const line = `${args.join(' ')} > ${file}`;
    const cli = await onPath(args[0] ?? '', pathEnv);
    if (!cli || [...args, file].some((a) => /<[a-z-]+>/.test(a))) {
      result.printed.push(line);
      continue;
    }
    const path = join(outDir, ...file.split('/'));
    await mkdir(dirname(path), { recursive: true });
    const error = await runTo(cli, args.slice(1), path);
    if (error === undefined) result.ran.push(file);
    else {
      await rm(path, { force: true });
      result.failed.push({ what: file, error });
    }
  }
  return result;
}

async function onPath(name: string, pathEnv: string): Promise<string | undefined> {
  for (const dir of pathEnv.split(delimiter).filter(Boolean)) {
    const full = join(dir, name);
    if (await access(full, constants.X_OK).then(() => true, () => false)) return full;
  }
  return undefined;
}

function runTo(cli: string, args: string[], path: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const file = createWriteStream(path);
    child.stdout.pipe(file);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (e: NodeJS.ErrnoException) => resolve(`could not start (${e.code ?? e.message})`));
    child.on('close', (code) => file.end(() => resolve(code === 0 ? undefined : stderr.trim().split('\n')[0] || `exited with code ${code}`)));
  });
}
