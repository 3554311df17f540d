import { MissingDataError } from '../../errors.js';
import { parseCniPluginVersion } from '../../parsers/windows/cni-plugin-version.js';
import { compareVersions, isValidVersion } from '../../versions/compare-versions.js';
import { defineFact } from '../define.js';
import { windowsCniConfig } from './windows-exception-list.js';

/** HostPort 發佈無法運作: 「請確定您的 CNI 外掛程式是 v0.8.6 版或更新版本」. */
export const HOSTPORT_MIN_CNI_PLUGIN = 'v0.8.6';
/** The containernetworking/plugins Windows plugins the version applies to (sdnbridge/sdnoverlay are Microsoft's, versioned apart). */
const versionedPlugins = new Set(['win-bridge', 'win-overlay']);

/**
 * The release of the Windows CNI plugin that a pod's node runs (the CNI config's plugin, or the flannel
 * delegate's), as the binary prints it (`CNI win-bridge plugin v0.8.6`), compared with the v0.8.6 that
 * HostPort needs. `belowMinimum` is null where the comparison does not apply (Microsoft's sdnbridge /
 * sdnoverlay); a build that prints no version leaves the pod not evaluated.
 */
export const windowsCniPluginVersion = defineFact({
  id: 'windowsCniPluginVersion',
  subject: 'Pod',
  description:
    'The Windows CNI plugin of the pod\'s node (from its CNI config), the release its binary reports (nodes/<node>/cni-plugin-version.txt) and whether it is below v0.8.6, which HostPort needs.',
  reads: ['nodes/<node>/cni/* of the pod\'s node', 'nodes/<node>/cni-plugin-version of the pod\'s node'],
  compute: (pod, index) => {
    const node = pod.nodeName ?? '';
    const { windows } = windowsCniConfig(index, node);
    const plugin = windows.type;
    const file = index.nodeOutputs(node)?.commands['cni-plugin-version'];
    if (!versionedPlugins.has(plugin)) return { plugin, version: null, belowMinimum: null, minimum: HOSTPORT_MIN_CNI_PLUGIN, source: {} };
    if (!file) {
      throw new MissingDataError(`nodes/<node>/cni-plugin-version.txt: what C:\\k\\cni\\${plugin}.exe prints when run without arguments ("CNI ${plugin} plugin v…"), on each Windows node running hostPort pods`);
    }
    const build = index.parsed(file, parseCniPluginVersion).plugins.find((p) => p.name === plugin);
    if (!build) throw new MissingDataError(`${file.file}: a "CNI ${plugin} plugin v…" line (the file names no ${plugin} build; run C:\\k\\cni\\${plugin}.exe without arguments)`);
    const version = build.version;
    if (version === undefined || !isValidVersion(version)) {
      throw new MissingDataError(`${file.file}, line ${build.line}: the release of ${plugin} (the binary reports "${version ?? 'version unknown'}"; find which release it came from)`);
    }
    const belowMinimum = compareVersions(version, HOSTPORT_MIN_CNI_PLUGIN) < 0;
    return { plugin, version, belowMinimum, minimum: HOSTPORT_MIN_CNI_PLUGIN, source: { file: file.file, line: build.line } };
  },
});
