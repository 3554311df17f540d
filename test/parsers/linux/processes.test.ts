import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProcesses, processesParser, ProcessesValue } from '../../../src/parsers/linux/processes.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/outputs/processes/${name}`, import.meta.url), 'utf8');

const kubeProxyWindows = {
  pid: 4532,
  command: 'kube-proxy',
  commandLine:
    'C:\\k\\kube-proxy.exe --v=4 --proxy-mode=kernelspace --hostname-override=win-node-1 --kubeconfig=c:\\k\\config --network-name=vxlan0 --source-vip=10.244.4.2 --feature-gates="WinOverlay=true"',
  flags: {
    v: '4',
    'proxy-mode': 'kernelspace',
    'hostname-override': 'win-node-1',
    kubeconfig: 'c:\\k\\config',
    'network-name': 'vxlan0',
    'source-vip': '10.244.4.2',
    'feature-gates': 'WinOverlay=true',
  },
  truncated: false,
};

describe('processes parser', () => {
  it('reads ps -eo pid,args: names, flags, kernel threads, and masks secrets', () => {
    const { value, diagnostics } = parseProcesses(fixture('ps-eo-pid-args.txt'), { file: 'nodes/n1/processes' });
    expect(diagnostics).toEqual([]);
    expect(value.processes.map((p) => [p.pid, p.command, p.line])).toEqual([
      [1, 'systemd', 2],
      [2, 'kthreadd', 3],
      [14, 'kworker/0:1H-kblockd', 4],
      [812, 'containerd', 5],
      [1203, 'kubelet', 6],
      [2210, 'kube-proxy', 7],
      [2388, 'flanneld', 8],
      [2571, 'node-agent', 9],
      [3109, 'nginx', 10],
      [3344, 'containerd-shim-runc-v2', 11],
    ]);
    expect(value.processes[5]).toEqual({
      pid: 2210,
      command: 'kube-proxy',
      commandLine: '/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override=cn-hangzhou.192.168.0.10',
      flags: { config: '/var/lib/kube-proxy/config.conf', 'hostname-override': 'cn-hangzhou.192.168.0.10' },
      truncated: false,
      line: 7,
    });
    expect(value.processes[6]?.flags).toEqual({ 'ip-masq': true, 'kube-subnet-mgr': true, 'iptables-resync': '5' });
    expect(value.processes[7]).toEqual({
      pid: 2571,
      command: 'node-agent',
      commandLine: '/usr/bin/node-agent --endpoint https://10.0.0.2:8443 --token *** --password=*** -v 3',
      flags: { endpoint: 'https://10.0.0.2:8443', token: '***', password: '***', v: '3' },
      truncated: false,
      line: 9,
    });
    expect(JSON.stringify(value)).not.toMatch(/abcdef\.0123|s3cr3t/);
    expect(ProcessesValue.parse(value)).toEqual(value);
  });

  it('reads the default PowerShell table, marking rows cut at the console width', () => {
    const { value, diagnostics } = parseProcesses(fixture('windows-table-ps51.txt'), { file: 'nodes/win-1/processes' });
    expect(value.processes.map((p) => [p.pid, p.command, p.truncated, p.line])).toEqual([
      [392, 'smss', false, 7],
      [2804, 'kubelet', true, 8],
      [4532, 'kube-proxy', true, 9],
      [5120, 'containerd', false, 10],
      [6012, 'flanneld', false, 11],
      [6640, 'secret-sync', true, 12],
    ]);
    expect(value.processes[2]).toEqual({
      pid: 4532,
      command: 'kube-proxy',
      commandLine: 'C:\\k\\kube-proxy.exe --v=4 --proxy-mode=kernelspace --hostname-override=win-node-1 --kubeconfig=c:\\k\\config',
      flags: { v: '4', 'proxy-mode': 'kernelspace', 'hostname-override': 'win-node-1' },
      truncated: true,
      line: 9,
    });
    expect(value.processes[5]?.commandLine).toBe('C:\\k\\secret-sync.exe --client-key-data=*** --api-token=***');
    expect(value.processes[5]?.flags).toEqual({ 'client-key-data': '***' });
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'truncated-command-lines',
        message: '3 command lines were cut to the console width; capture with ConvertTo-Json or Format-Table -Wrap',
        file: 'nodes/win-1/processes',
        line: 8,
      },
    ]);
    expect(JSON.stringify(diagnostics)).not.toContain('eyJ');
  });

  it('reads Format-Table -Wrap, Format-List and ConvertTo-Json to the same processes', () => {
    const wrap = parseProcesses(fixture('windows-table-wrap.txt'));
    const list = parseProcesses(fixture('windows-list.txt').replace(/\n/g, '\r\n'));
    const json = parseProcesses(fixture('windows-json-ps51.json'));
    for (const result of [wrap, list, json]) expect(result.diagnostics).toEqual([]);
    expect(wrap.value.processes.map((p) => p.line)).toEqual([7, 8, 14, 16, 17, 18]);
    expect(list.value.processes.map((p) => p.line)).toEqual([12, 15, 23, 27, 30, 33]);
    expect(json.value.processes.map((p) => p.line)).toEqual([16, 20, 24, 28, 32, 36]);
    const withoutLines = (value: ProcessesValue) => value.processes.map(({ line: _line, ...process }) => process);
    expect(withoutLines(wrap.value)).toEqual(withoutLines(json.value));
    expect(withoutLines(list.value)).toEqual(withoutLines(json.value));
    const [, kubelet, kubeProxy, containerd, , secretSync] = withoutLines(json.value);
    expect(kubeProxy).toEqual(kubeProxyWindows);
    expect(kubelet?.flags).toMatchObject({ 'resolv-conf': '', 'enable-debugging-handlers': true, 'network-plugin': 'cni' });
    expect(kubelet?.commandLine.endsWith('--cni-bin-dir=c:\\k\\cni --cni-conf-dir=c:\\k\\cni\\config')).toBe(true);
    expect(containerd).toMatchObject({ command: 'containerd', flags: { 'register-service': true, 'log-level': 'debug' } });
    expect(secretSync?.commandLine).toBe('C:\\k\\secret-sync.exe --client-key-data=*** --api-token=***');
  });

  it('reads a single ConvertTo-Json object (PowerShell 7)', () => {
    const text = '{\n  "ProcessId": 4532,\n  "CommandLine": "C:\\\\k\\\\kube-proxy.exe --v=4 --proxy-mode=kernelspace --hostname-override=win-node-1 --kubeconfig=c:\\\\k\\\\config --network-name=vxlan0 --source-vip=10.244.4.2 --feature-gates=\\"WinOverlay=true\\""\n}\n';
    expect(parseProcesses(text)).toEqual({ value: { processes: [{ ...kubeProxyWindows, line: 3 }] }, diagnostics: [] });
  });

  it('reads ps -ef and a PowerShell 7 table cut with an ellipsis character', () => {
    const psEf = [
      'UID          PID    PPID  C STIME TTY          TIME CMD',
      'root        2210    2101  0 Nov20 ?        00:01:12 /usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf',
    ].join('\n');
    expect(parseProcesses(psEf).value.processes).toEqual([
      {
        pid: 2210,
        command: 'kube-proxy',
        commandLine: '/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf',
        flags: { config: '/var/lib/kube-proxy/config.conf' },
        truncated: false,
        line: 2,
      },
    ]);
    const ps7 = ['ProcessId CommandLine', '--------- -----------', '     4532 C:\\k\\kube-proxy.exe --v=4 --proxy-mode=kernelspace --hostname-o…'].join('\n');
    expect(parseProcesses(ps7).value.processes).toEqual([
      {
        pid: 4532,
        command: 'kube-proxy',
        commandLine: 'C:\\k\\kube-proxy.exe --v=4 --proxy-mode=kernelspace --hostname-o',
        flags: { v: '4', 'proxy-mode': 'kernelspace' },
        truncated: true,
        line: 3,
      },
    ]);
  });

  it('keeps readable ps rows and points at the garbled ones', () => {
    const { value, diagnostics } = parseProcesses(fixture('broken-ps.txt'), { file: 'processes' });
    expect(value.processes.map((p) => [p.pid, p.command, p.flags])).toEqual([
      [1203, 'kubelet', { kubeconfig: '/etc/kubernetes/kubelet.conf', v: '2' }],
      [2210, 'kube-proxy', { config: '/var/lib/kube-pro' }],
    ]);
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'unrecognised-line',
        message: 'line not recognised as a ps row (a PID, then the command line)',
        file: 'processes',
        line: 3,
      },
      expect.objectContaining({ code: 'unrecognised-line', line: 4 }),
    ]);
  });

  it('reports cut JSON with a line number', () => {
    const { value, diagnostics } = parseProcesses('[\n    {\n        "ProcessId":  4532,\n        "CommandLine":  "C:\\\\k\\\\kube-proxy.exe --token=abc');
    expect(value).toEqual({ processes: [] });
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'syntax', line: 4 });
    expect(diagnostics.every((d) => !d.message.includes('abc'))).toBe(true);
  });

  it('has an example that parses cleanly', () => {
    const { value, diagnostics } = processesParser.parse(processesParser.example);
    expect(diagnostics).toEqual([]);
    expect(value.processes.find((p) => p.command === 'kubelet')?.flags.token).toBe('***');
  });
});
