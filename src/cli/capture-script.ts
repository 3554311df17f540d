import { linuxScript, windowsScript } from '../node/capture/scripts.generated.js';
import type { CliIo } from './io.js';

const usage = `Usage: kube-netdoctor capture-script linux|windows

Prints the node script that \`kube-netdoctor capture\` runs on each node, for nodes
reached over SSH or RDP instead. It writes the files of the snapshot layout into a
directory; copy that directory to nodes/<node-name>/ of the snapshot.

  kube-netdoctor capture-script linux > capture.sh
  scp capture.sh node1: && ssh node1 sudo sh capture.sh /tmp/netdoctor
  scp -r node1:/tmp/netdoctor snapshot/nodes/node1

  kube-netdoctor capture-script windows > capture.ps1
  (on the node, as Administrator) powershell -ExecutionPolicy Bypass -File capture.ps1 -OutDir C:\\netdoctor
  then copy C:\\netdoctor to snapshot\\nodes\\<node-name>\\
`;

export function runCaptureScriptCli(argv: readonly string[], io: CliIo): number {
  const [os, ...extra] = argv;
  if (os === '-h' || os === '--help') {
    io.stdout(usage);
    return 0;
  }
  if ((os !== 'linux' && os !== 'windows') || extra.length > 0) {
    io.stderr(`kube-netdoctor capture-script: say linux or windows\n\n${usage}`);
    return 2;
  }
  io.stdout(os === 'linux' ? linuxScript : windowsScript);
  return 0;
}
