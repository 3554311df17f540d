import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';

/**
 * The Windows guide (我的 Windows 節點無法存取 NodePort 服務): local NodePort access from the node itself is fixed by
 * cumulative update KB4571748 (or later). KB4571748 is the 2020-08-20 update of Windows Server 2019 / version 1809,
 * OS build 17763.1432 (the KB's title, "August 20, 2020—KB4571748 (OS Build 17763.1432) Preview"); the guide names
 * no update for other releases, so only build 17763 is compared, and older builds count as older.
 */
export const NODEPORT_FIX_KB = 'KB4571748';
export const NODEPORT_FIX_BUILD = 17763;
export const NODEPORT_FIX_REVISION = 1432;

const kernel = /^10\.0\.(\d+)(?:\.(\d+))?$/;

export const windowsOsBuild = defineFact({
  id: 'windowsOsBuild',
  subject: 'Node',
  description:
    `The Windows OS build of the node from status.nodeInfo.kernelVersion (10.0.<build>.<revision>) and osImage, and whether it is older than ${NODEPORT_FIX_KB} (build ${NODEPORT_FIX_BUILD}.${NODEPORT_FIX_REVISION}); builds after ${NODEPORT_FIX_BUILD} are not compared (the guide names no update for them).`,
  reads: ['Node status.nodeInfo.kernelVersion', 'Node status.nodeInfo.osImage'],
  compute: (node) => {
    const match = kernel.exec(node.kernelVersion ?? '');
    if (!match) throw new MissingDataError('status.nodeInfo.kernelVersion of the Windows nodes (kubectl get nodes -o json): 10.0.<build>.<revision>');
    const build = Number(match[1]);
    const revision = match[2] === undefined ? undefined : Number(match[2]);
    if (build === NODEPORT_FIX_BUILD && revision === undefined) {
      throw new MissingDataError('the revision of the Windows build (kernelVersion 10.0.17763.<revision>; on the node: [Environment]::OSVersion or winver)');
    }
    const beforeNodePortFix = build < NODEPORT_FIX_BUILD || (build === NODEPORT_FIX_BUILD && revision! < NODEPORT_FIX_REVISION);
    return {
      build: revision === undefined ? `${build}` : `${build}.${revision}`,
      osImage: node.osImage ?? 'not reported',
      beforeNodePortFix,
      fixBuild: `${NODEPORT_FIX_BUILD}.${NODEPORT_FIX_REVISION}`,
      source: node.source,
    };
  },
});
