/**
 * The short-lived pods that run the node scripts. Linux: a privileged pod in the host's
 * network and PID namespaces whose `nsenter -t 1` reaches the host's mount, UTS, IPC,
 * network and PID namespaces (what `kubectl debug node/<n> --profile=sysadmin` does,
 * with a fixed name so it can always be deleted). Windows: a HostProcess pod running as
 * `NT AUTHORITY\SYSTEM` in the host network (Kubernetes "Create a Windows HostProcess Pod").
 * Both sleep at most `activeDeadlineSeconds` even if nobody deletes them.
 */
export interface NodePodSpec {
  name: string;
  namespace: string;
  node: string;
  os: 'linux' | 'windows';
  image: string;
  runId: string;
  deadlineSeconds: number;
}

export const defaultLinuxImage = 'busybox:1.36';
export const defaultWindowsImage = 'mcr.microsoft.com/oss/kubernetes/windows-host-process-containers-base-image:v1.0.0';

export function nodePodManifest(spec: NodePodSpec): Record<string, unknown> {
  const common = {
    nodeName: spec.node,
    restartPolicy: 'Never',
    activeDeadlineSeconds: spec.deadlineSeconds,
    terminationGracePeriodSeconds: 0,
    automountServiceAccountToken: false,
    hostNetwork: true,
    tolerations: [{ operator: 'Exists' }],
  };
  const podSpec =
    spec.os === 'linux'
      ? {
          ...common,
          hostPID: true,
          containers: [
            {
              name: 'capture',
              image: spec.image,
              command: ['sleep', String(spec.deadlineSeconds)],
              securityContext: { privileged: true },
            },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        }
      : {
          ...common,
          securityContext: { windowsOptions: { hostProcess: true, runAsUserName: 'NT AUTHORITY\\SYSTEM' } },
          containers: [
            {
              name: 'capture',
              image: spec.image,
              command: ['powershell.exe', '-NoLogo', '-NoProfile', '-Command', `Start-Sleep -Seconds ${spec.deadlineSeconds}`],
            },
          ],
          nodeSelector: { 'kubernetes.io/os': 'windows' },
        };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: spec.name,
      namespace: spec.namespace,
      labels: { 'app.kubernetes.io/managed-by': 'kube-netdoctor', 'kube-netdoctor/capture-run': spec.runId },
    },
    spec: podSpec,
  };
}

/** `netdoctor-<run>-<node>`, a valid pod name of at most 63 characters. */
export function nodePodName(runId: string, node: string): string {
  const slug = node.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return `netdoctor-${runId}-${slug}`.slice(0, 63).replace(/-+$/, '');
}

/** The command `kubectl exec` runs in the pod; the script arrives on stdin (Linux) or encoded (Windows). */
export function scriptCommand(os: 'linux' | 'windows', script: string): { args: string[]; stdin?: string } {
  if (os === 'linux') return { args: ['nsenter', '-t', '1', '-m', '-u', '-i', '-n', '-p', '--', 'sh', '-s'], stdin: script };
  // -EncodedCommand takes base64 of UTF-16LE text; `& { … }` lets the script keep its param() block.
  const encoded = Buffer.from(`& {\n${script}\n}`, 'utf16le').toString('base64');
  return { args: ['powershell.exe', '-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encoded] };
}
