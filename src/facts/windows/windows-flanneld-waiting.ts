import { MissingDataError } from '../../errors.js';
import { compareVersions, isValidVersion } from '../../versions/compare-versions.js';
import { componentVersion, flannelVersion } from '../cluster/component-version.js';
import { defineFact } from '../define.js';
import { findLogMessage } from '../logs/find-log-message.js';

/** 啟動 Kubernetes 之後,Flanneld 會卡在「等待建立網路」中: fixed in Flannel v0.12.0 (and later). */
export const FLANNELD_WAITING_FIX = 'v0.12.0';

/**
 * flanneld stuck at `Waiting for the Network to be created` on a Windows node, with the flannel version: a race in
 * flanneld before v0.12.0 leaves the management IP without the Flannel network. The version is the image tag of
 * the Windows flannel DaemonSet when there is one (kube-flannel-ds-windows-amd64 …), else of the flannel DaemonSet.
 */
export const windowsFlanneldWaiting = defineFact({
  id: 'windowsFlanneldWaiting',
  subject: 'Node',
  description:
    'How often the node\'s logs say "Waiting for the Network to be created", the flannel version (Windows flannel DaemonSet image, else the flannel one) and whether it is below v0.12.0.',
  reads: ['nodes/<node>/logs/flanneld.log', 'DaemonSets / pods kube-system/*flannel*'],
  compute: (node, index) => {
    const waiting = findLogMessage(index, node.name, 'flannelWaitingForNetwork');
    if (waiting === undefined) throw new MissingDataError('nodes/<node>/logs/flanneld.log: the output of flanneld (or of start.ps1) on each Windows node');
    const version = componentVersion(index, /flannel.*windows|windows.*flannel/, /flannel/) ?? flannelVersion(index);
    if (waiting && (!version || !isValidVersion(version.version))) {
      throw new MissingDataError('the flannel version: kubectl -n kube-system get ds -o json (the flannel DaemonSets and their images)');
    }
    return {
      waitingCount: waiting?.count ?? 0,
      logFile: waiting?.file ?? null,
      version: version?.version ?? 'unknown',
      versionFrom: version?.from ?? 'not found',
      beforeFix: version && isValidVersion(version.version) ? compareVersions(version.version, FLANNELD_WAITING_FIX) < 0 : null,
      source: waiting ? { file: waiting.file, line: waiting.line } : { file: Object.values(index.nodeOutputs(node.name)?.logs ?? {})[0]?.file ?? '' },
    };
  },
});
