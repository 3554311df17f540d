import { defineFact } from '../define.js';

/**
 * WebSocket apps on an Ingress and the read timeout the ALB gives them ("60 秒后，通过 WebSocket 的连接关闭").
 * IBM ALB: `ingress.bluemix.net/websocket-services: "ws-svc1,ws-svc2"` and
 * `ingress.bluemix.net/proxy-read-timeout: "serviceName=<svc> timeout=300s"` (several entries `;`-separated;
 * no serviceName = every service). NGINX Inc's controller: `nginx.org/websocket-services`, `nginx.org/proxy-read-timeout: "300s"`;
 * Kubernetes ingress-nginx (the community ALB): `nginx.ingress.kubernetes.io/proxy-read-timeout: "3600"` (seconds).
 */
const websocketKeys = ['ingress.bluemix.net/websocket-services', 'nginx.org/websocket-services'];
const defaultTimeoutSeconds = 60;

function seconds(text: string): number | undefined {
  const m = /^\s*(\d+)\s*(ms|s|m|h)?\s*$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === 'ms' ? n / 1000 : m[2] === 'm' ? n * 60 : m[2] === 'h' ? n * 3600 : n;
}

/** Timeout per service name (`*` = all) from the annotations. */
function readTimeouts(annotations: Record<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  const bluemix = annotations['ingress.bluemix.net/proxy-read-timeout'];
  for (const entry of (bluemix ?? '').split(';')) {
    const name = /serviceName=(\S+)/.exec(entry)?.[1];
    const timeout = /timeout=(\S+)/.exec(entry)?.[1];
    const s = timeout ? seconds(timeout) : undefined;
    if (s !== undefined) out.set(name ?? '*', s);
  }
  for (const key of ['nginx.org/proxy-read-timeout', 'nginx.ingress.kubernetes.io/proxy-read-timeout']) {
    const s = annotations[key] !== undefined ? seconds(annotations[key]!) : undefined;
    if (s !== undefined && !out.has('*')) out.set('*', s);
  }
  return out;
}

export const ingressWebsocketTimeout = defineFact({
  id: 'ingressWebsocketTimeout',
  subject: 'Ingress',
  description:
    'WebSocket services an Ingress declares (ingress.bluemix.net/websocket-services, nginx.org/websocket-services) and those whose read timeout ' +
    '(ingress.bluemix.net/proxy-read-timeout per service, nginx.org/ or nginx.ingress.kubernetes.io/proxy-read-timeout) is unset (60s default) or 60s or less.',
  reads: ['Ingress metadata.annotations'],
  compute: (ingress) => {
    const services = websocketKeys.flatMap((k) => (ingress.annotations[k] ?? '').split(/[\s,]+/)).filter(Boolean);
    const timeouts = readTimeouts(ingress.annotations);
    const short = [...new Set(services)].sort().flatMap((svc) => {
      const t = timeouts.get(svc) ?? timeouts.get('*');
      return t === undefined ? [`${svc} (no proxy-read-timeout: default ${defaultTimeoutSeconds}s)`] : t <= defaultTimeoutSeconds ? [`${svc} (proxy-read-timeout ${t}s)`] : [];
    });
    return { websocketServices: [...new Set(services)].sort().join(', '), websocketCount: services.length, shortTimeoutCount: short.length, shortTimeout: short.join(', '), source: { ...ingress.source, key: 'metadata.annotations' } };
  },
});
