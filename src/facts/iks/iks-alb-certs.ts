import { parseIbmcloudKsAlbCerts } from '../../parsers/cluster/ibmcloud-ks-alb-certs.js';
import { parseIbmcloudKsClusterGet } from '../../parsers/cluster/ibmcloud-ks-cluster-get.js';
import { parsedClusterOutputs, requiredClusterOutput } from '../cluster-outputs.js';
import { defineFact } from '../define.js';

// Domains of the certificates IBM provides for the Ingress subdomain.
const ibmDomain = /\.containers\.(?:appdomain\.cloud|mybluemix\.net)$/;

/** `ibmcloud ks alb-certs`: secrets whose status is `*_failed`, and imported ones named like the IBM-provided secret. */
export const iksAlbCerts = defineFact({
  id: 'iksAlbCerts',
  subject: 'Cluster',
  description:
    'ALB secrets from `ibmcloud ks alb-certs`: those in a *_failed status (`secret (status, domain)`), and imported ones (a domain not under the ' +
    'IBM Ingress subdomain) named like the IBM-provided Ingress Secret of `ibmcloud ks cluster-get`.',
  reads: ['cluster/ibmcloud-ks-alb-certs.txt', 'cluster/ibmcloud-ks-cluster-get.txt (Ingress Secret, Ingress Subdomain)'],
  compute: (_cluster, index) => {
    const certs = requiredClusterOutput(index, 'ibmcloudKsAlbCerts', parseIbmcloudKsAlbCerts, (v) => v.certs.length === 0);
    const failed = certs.value.certs.filter((c) => c.failed);
    const clusterGet = parsedClusterOutputs(index, 'ibmcloudKsClusterGet', parseIbmcloudKsClusterGet)[0]?.value;
    const ibmSecret = clusterGet?.ingressSecret;
    const subdomain = clusterGet?.ingressSubdomain;
    const imported = (domain: string | undefined) =>
      domain !== undefined && !ibmDomain.test(domain.replace(/^\*\./, '.')) && !(subdomain && domain.replace(/^\*\./, '') === subdomain);
    const clashes = ibmSecret ? certs.value.certs.filter((c) => c.secretName === ibmSecret && imported(c.domain)) : [];
    return {
      failedCount: failed.length,
      failed: failed.map((c) => `${c.secretName} (${c.status}, ${c.domain ?? 'no domain'}, line ${c.line})`).join('; '),
      ibmIngressSecret: ibmSecret ?? 'unknown (cluster-get not captured)',
      clashCount: clashes.length,
      clashes: clashes.map((c) => `${c.secretName} (domain ${c.domain}, status ${c.status ?? '?'}, line ${c.line})`).join('; '),
      source: certs.at((failed[0] ?? clashes[0])?.line),
    };
  },
});
