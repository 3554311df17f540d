import { compareVersions } from '../../versions/compare-versions.js';
import { calicoctlErrorOf, parseCalicoctlVersion } from '../../parsers/cluster/calicoctl-version.js';
import { parseCalicoctlConfig } from '../../parsers/cluster/calicoctl-config.js';
import { numberedLines } from '../../parsers/capped-warnings.js';
import { clusterOutputFiles, clusterOutputKinds, parsedClusterOutputs } from '../cluster-outputs.js';
import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';

/** "必须使用 V3.3 或更高版本的 Calico CLI、`calicoctl.cfg` V3 配置文件语法". */
export const minimumCalicoctl = 'v3.3.0';

/**
 * The four factors of "无法检索 Calico 网络策略" that a snapshot shows: the calicoctl client version, the
 * calicoctl.cfg syntax, and the two errors the document quotes (found in any captured calicoctl or kubectl-errors output).
 */
export const calicoCli = defineFact({
  id: 'calicoCli',
  subject: 'Cluster',
  description:
    `calicoctl client version (cluster/calicoctl-version.txt) and whether it is below ${minimumCalicoctl}, calicoctl.cfg apiVersion (v1 = Calico V2 syntax), ` +
    "and the errors `unknown APIVersion '…'` / `Resource type 'GlobalNetworkPolicy' is not supported` with their file and line.",
  reads: ['cluster/calicoctl-version.txt', 'cluster/calicoctl.cfg', 'cluster/kubectl-errors.txt'],
  compute: (_cluster, index) => {
    const versions = parsedClusterOutputs(index, 'calicoctlVersion', parseCalicoctlVersion);
    const configs = parsedClusterOutputs(index, 'calicoctlConfig', parseCalicoctlConfig);
    if (versions.length === 0 && configs.length === 0) throw new MissingDataError(`${clusterOutputKinds.calicoctlVersion.capture}; ${clusterOutputKinds.calicoctlConfig.capture}`);
    const client = versions.find((v) => v.value.clientVersion !== undefined);
    const clientVersion = client?.value.clientVersion;
    const old = clientVersion !== undefined && compareVersions(clientVersion.replace(/^v?/, 'v'), minimumCalicoctl) < 0;
    const v1Config = configs.find((c) => c.value.syntax === 'v1');
    const errors = [
      ...versions.flatMap((v) => v.value.errors.map((e) => ({ e, at: v.at(e.line) }))),
      ...clusterOutputFiles(index, 'kubectlErrors').flatMap((file) =>
        numberedLines(file.text).flatMap(({ text, line }) => {
          const e = calicoctlErrorOf(text.trim(), line);
          return e ? [{ e, at: { file: file.file, line } }] : [];
        }),
      ),
    ].filter(({ e }) => e.kind === 'unknown-api-version' || e.kind === 'resource-type-not-supported');
    return {
      clientVersion: clientVersion ?? 'not captured',
      clientTooOld: old,
      configApiVersion: configs[0]?.value.apiVersion ?? 'not captured',
      configV1: v1Config !== undefined,
      errorCount: errors.length,
      errors: errors
        .map(({ e, at }) => (e.kind === 'unknown-api-version' ? `unknown APIVersion '${e.apiVersion ?? ''}'` : `Resource type '${e.resourceType ?? ''}' is not supported`) + ` (${at.file}:${at.line})`)
        .join('; '),
      source: old && client ? client.at(client.value.clientVersionLine) : v1Config ? v1Config.at(v1Config.value.lines.apiVersion) : errors[0]?.at ?? { file: (client ?? configs[0])!.file.file },
    };
  },
});
