import { describe, expect, it } from 'vitest';
import { parseCniPluginVersion } from '../../../src/parsers/windows/cni-plugin-version.js';

// The about string is skel.PluginMain's, printed on stderr when CNI_COMMAND is unset:
// containernetworking/plugins v0.8.6, plugins/main/windows/win-bridge/win-bridge_windows.go
// (`bv.BuildString("win-bridge")` → "CNI win-bridge plugin " + the release tag set by scripts/release.sh).
describe('cni-plugin-version', () => {
  it('reads each plugin and its release, across capture headers, CRLF and PowerShell\'s stderr prefix', () => {
    const text = [
      '==> C:\\k\\cni\\win-bridge.exe',
      'CNI win-bridge plugin v0.8.6',
      'CNI protocol versions supported: 0.1.0, 0.2.0, 0.3.0',
      'win-overlay.exe : CNI win-overlay plugin v0.8.5',
      'CNI host-local plugin version unknown',
    ].join('\r\n');
    const { value, diagnostics } = parseCniPluginVersion(text, { file: 'nodes/w1/cni-plugin-version.txt' });
    expect(value.plugins).toEqual([
      { name: 'win-bridge', version: 'v0.8.6', line: 2 },
      { name: 'win-overlay', version: 'v0.8.5', line: 4 },
      { name: 'host-local', line: 5 },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('says when no line names a plugin build, and warns on lines it cannot read', () => {
    const { value, diagnostics } = parseCniPluginVersion('{"code":4,"msg":"required env variables [CNI_COMMAND] missing"}\n', { file: 'v.txt' });
    expect(value.plugins).toEqual([]);
    expect(diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['warning', 'unrecognised-line', 1],
      ['error', 'unrecognised-input', undefined],
    ]);
  });
});
