import { parseHelmErrors } from '../../parsers/cluster/helm-errors.js';
import { parsedClusterOutputs } from '../cluster-outputs.js';
import { MissingDataError } from '../../errors.js';
import { clusterOutputKinds } from '../cluster-outputs.js';
import { defineFact } from '../define.js';

/** `Error: release vpn failed: deployments.extensions "vpn-strongswan" already exists`: the previous release was not fully removed. */
export const strongswanHelmRelease = defineFact({
  id: 'strongswanHelmRelease',
  subject: 'Cluster',
  description: 'Helm errors (cluster/helm-*.txt) saying a strongSwan resource already exists: `resourceType "name"` with the file line.',
  reads: ['cluster/helm-*.txt'],
  compute: (_cluster, index) => {
    const outputs = parsedClusterOutputs(index, 'helm', parseHelmErrors);
    if (outputs.length === 0) throw new MissingDataError(clusterOutputKinds.helm.capture);
    const hits = outputs.flatMap((o) =>
      o.value.errors.filter((e) => e.kind === 'resource-exists' && /strongswan/i.test(e.resourceName ?? '')).map((e) => ({ e, at: o.at(e.line) })),
    );
    return {
      existsCount: hits.length,
      exists: hits.map(({ e, at }) => `${e.resourceType ?? 'resource'} "${e.resourceName}" (${at.file}:${at.line})`).join('; '),
      release: hits[0]?.e.release ?? (hits[0]?.e.resourceName ?? '').replace(/-strongswan$/, ''),
      deployment: hits[0]?.e.resourceName ?? '',
      source: hits[0]?.at ?? { file: outputs[0]!.file.file },
    };
  },
});
