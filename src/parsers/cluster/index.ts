// Cluster-wide outputs under cluster/: IBM Cloud CLI, Helm, strongSwan, calicoctl, the overlay test, kubectl errors.
import type { Parser } from '../define-parser.js';
import { calicoctlConfigParser } from './calicoctl-config.js';
import { calicoctlVersionParser } from './calicoctl-version.js';
import { helmErrorsParser } from './helm-errors.js';
import { ibmcloudKsAlbCertsParser } from './ibmcloud-ks-alb-certs.js';
import { ibmcloudKsAlbsParser } from './ibmcloud-ks-albs.js';
import { ibmcloudKsClusterGetParser } from './ibmcloud-ks-cluster-get.js';
import { ibmcloudKsSubnetsParser } from './ibmcloud-ks-subnets.js';
import { ibmcloudKsWorkerGetParser } from './ibmcloud-ks-worker-get.js';
import { ibmcloudKsWorkersParser } from './ibmcloud-ks-workers.js';
import { ipsecStatusParser } from './ipsec-status.js';
import { kubectlErrorsParser } from './kubectl-errors.js';
import { overlayTestParser } from './overlay-test.js';
import { strongswanValuesParser } from './strongswan-values.js';
import { vpndebugParser } from './vpndebug.js';

export { parseCalicoctlConfig, calicoctlConfigParser, type CalicoctlConfigValue } from './calicoctl-config.js';
export { parseCalicoctlVersion, calicoctlVersionParser, calicoctlErrorOf, type CalicoctlVersionValue } from './calicoctl-version.js';
export { parseHelmErrors, helmErrorsParser, type HelmErrorsValue } from './helm-errors.js';
export { parseIbmcloudKsAlbCerts, ibmcloudKsAlbCertsParser, type IbmcloudKsAlbCertsValue } from './ibmcloud-ks-alb-certs.js';
export { parseIbmcloudKsAlbs, ibmcloudKsAlbsParser, type IbmcloudKsAlbsValue } from './ibmcloud-ks-albs.js';
export { parseIbmcloudKsClusterGet, ibmcloudKsClusterGetParser, type IbmcloudKsClusterGetValue } from './ibmcloud-ks-cluster-get.js';
export { parseIbmcloudKsSubnets, ibmcloudKsSubnetsParser, type IbmcloudKsSubnetsValue } from './ibmcloud-ks-subnets.js';
export { parseIbmcloudKsWorkerGet, ibmcloudKsWorkerGetParser, type IbmcloudKsWorkerGetValue } from './ibmcloud-ks-worker-get.js';
export { parseIbmcloudKsWorkers, ibmcloudKsWorkersParser, type IbmcloudKsWorkersValue } from './ibmcloud-ks-workers.js';
export { parseIpsecStatus, ipsecStatusParser, type IpsecStatusValue } from './ipsec-status.js';
export { parseKubectlErrors, kubectlErrorsParser, type KubectlErrorsValue } from './kubectl-errors.js';
export { parseOverlayTest, overlayTestParser, type OverlayTestValue } from './overlay-test.js';
export { parseStrongswanValues, strongswanValuesParser, type StrongswanValues } from './strongswan-values.js';
export { parseVpndebug, vpndebugParser, type VpnDebugValue } from './vpndebug.js';

export const clusterParsers = [calicoctlConfigParser, calicoctlVersionParser, helmErrorsParser, ibmcloudKsAlbCertsParser, ibmcloudKsAlbsParser, ibmcloudKsClusterGetParser, ibmcloudKsSubnetsParser, ibmcloudKsWorkerGetParser, ibmcloudKsWorkersParser, ipsecStatusParser, kubectlErrorsParser, overlayTestParser, strongswanValuesParser, vpndebugParser] as readonly Parser<unknown>[];
