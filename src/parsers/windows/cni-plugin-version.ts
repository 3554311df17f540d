import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { cappedWarnings, numberedLines } from '../capped-warnings.js';
import { type ParseOptions, defineParser } from '../define-parser.js';

export const CniPluginBuild = z.object({
  /** As the binary names itself: `win-bridge`, `win-overlay`, `flannel`, `host-local` … */
  name: z.string(),
  /** The release tag it was built from (`v0.8.6`); absent for a build without one (`version unknown`). */
  version: z.string().optional(),
  line: z.number().int().positive(),
});
export type CniPluginBuild = z.infer<typeof CniPluginBuild>;

export const CniPluginVersionValue = z.object({ plugins: z.array(CniPluginBuild) });
export type CniPluginVersionValue = z.infer<typeof CniPluginVersionValue>;

// A containernetworking/plugins binary run without CNI_COMMAND prints its "about" string and the CNI
// spec versions it speaks on stderr (skel.PluginMain; the Windows plugins since they appeared, v0.8.0):
//   CNI win-bridge plugin v0.8.6
//   CNI protocol versions supported: 0.1.0, 0.2.0, 0.3.0
// The version is the release tag the linker writes into buildversion.BuildVersion; a build made
// without it says `version unknown`.
const about = /^CNI (\S+) plugin (\S+(?: \S+)?)\s*$/;
const protocols = /^CNI protocol versions supported:/;
// What a capture script writes between plugins (`==> C:\k\cni\win-bridge.exe`), and PowerShell's own
// rendering of stderr lines (`win-bridge.exe : CNI win-bridge plugin v0.8.6`).
const header = /^(==>|#|\S+\.exe\s*$)/i;
const nativeCommandError = /^\S+\.exe\s*:\s*/i;

export const cniPluginVersionParser = defineParser<CniPluginVersionValue>({
  id: 'cni-plugin-version',
  command: '& C:\\k\\cni\\win-bridge.exe 2>&1 (each CNI plugin binary run without arguments)',
  description:
    'The CNI plugins of a node and the release each was built from, as the binaries print it when run without arguments (`CNI win-bridge plugin v0.8.6`).',
  schema: CniPluginVersionValue,
  example: ['==> C:\\k\\cni\\win-bridge.exe', 'CNI win-bridge plugin v0.8.6', 'CNI protocol versions supported: 0.1.0, 0.2.0, 0.3.0', '==> C:\\k\\cni\\flannel.exe', 'CNI flannel plugin v1.1.2', 'CNI protocol versions supported: 0.1.0, 0.2.0, 0.3.0, 0.3.1, 0.4.0, 1.0.0'].join('\n'),
  empty: () => ({ plugins: [] }),
  parse(text, { file }) {
    const value: CniPluginVersionValue = { plugins: [] };
    const warnings = cappedWarnings(file);
    for (const { text: raw, line } of numberedLines(text)) {
      const trimmed = raw.trim().replace(nativeCommandError, '');
      if (trimmed === '' || protocols.test(trimmed) || header.test(trimmed)) continue;
      const match = about.exec(trimmed);
      if (!match) {
        warnings.warn('unrecognised-line', 'not a CNI plugin\'s "CNI <name> plugin <version>" line', line);
        continue;
      }
      const [, name = '', version = ''] = match;
      value.plugins.push({ name, ...(version === 'version unknown' ? {} : { version }), line });
    }
    const diagnostics: Diagnostic[] = warnings.finish();
    if (value.plugins.length === 0 && text.trim() !== '') {
      const message = 'no "CNI <name> plugin <version>" line: run each plugin binary without arguments (it prints that line on stderr) and save both streams';
      diagnostics.push(diagnostic('error', 'unrecognised-input', message, { file }));
    }
    return { value, diagnostics };
  },
});

export function parseCniPluginVersion(text: string, options?: ParseOptions) {
  return cniPluginVersionParser.parse(text, options);
}
