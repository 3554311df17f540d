import { MissingDataError } from '../../errors.js';
import { parseDynamicport } from '../../parsers/windows/dynamicport.js';
import { RESERVATION_ATTEMPTS, parseReservedports } from '../../parsers/windows/reservedports.js';
import { defineFact } from '../define.js';
import { isProxiedService } from '../kube-proxy/kube-proxy-service-ports.js';
import { findLogMessage } from '../logs/find-log-message.js';

/** The guide: nodes with many (usually 100+) load balancers may run out of ephemeral TCP ports. */
export const MANY_LOAD_BALANCERS = 100;

/**
 * The HNS load-balancer port pool of a Windows node (負載平衡器會在叢集節點之間不一致地受到管線): kube-proxy's
 * `hcnCreateLoadBalancer failed in Win32: The specified port already exists`, CollectLogs.ps1's reservedports.txt
 * (fewer than 10 successful 64-port reservations: the pool is exhausted) and the dynamic port range from
 * `netsh int ipv4 show dynamicport tcp` with the number of Services, for the risk.
 */
export const windowsPortPool = defineFact({
  id: 'windowsPortPool',
  subject: 'Node',
  description:
    'Ephemeral port pool of a Windows node: kube-proxy "The specified port already exists" log lines (count, null without logs), the successful 64-port reservations of reservedports.txt (of 10), the TCP dynamic port range and whether it is the default 49152–65535, and the number of Services kube-proxy programs.',
  reads: ['nodes/<node>/logs/kube-proxy.log', 'nodes/<node>/reservedports.txt', 'nodes/<node>/dynamicport', 'Services'],
  compute: (node, index) => {
    const outputs = index.nodeOutputs(node.name);
    const reservedFile = outputs?.commands['reservedports'];
    const dynamicFile = outputs?.commands['dynamicport'];
    const logged = findLogMessage(index, node.name, 'winLoadBalancerPortExists');
    if (!reservedFile && !dynamicFile && logged === undefined) {
      throw new MissingDataError(
        'nodes/<node>/logs/kube-proxy.log, nodes/<node>/reservedports.txt (CollectLogs.ps1) or nodes/<node>/dynamicport (netsh int ipv4 show dynamicport tcp) on each Windows node',
      );
    }
    const reserved = reservedFile ? index.parsed(reservedFile, parseReservedports) : undefined;
    const tcp = dynamicFile ? index.parsed(dynamicFile, parseDynamicport).tcp : undefined;
    const services = index.snapshot.services.filter(isProxiedService).length;
    const source = logged
      ? { file: logged.file, line: logged.line }
      : reservedFile
        ? { file: reservedFile.file, ...(reserved?.reservedLine ? { line: reserved.reservedLine } : {}) }
        : { file: dynamicFile!.file, ...(tcp ? { line: tcp.line } : {}) };
    return {
      portExistsCount: logged?.count ?? (logged === null ? 0 : null),
      portExistsLogged: (logged?.count ?? 0) > 0,
      portExistsLast: logged?.lastTimestamp ?? 'no timestamp',
      portExistsFile: logged?.file ?? null,
      reserved: reserved?.reserved ?? null,
      reservationsFailed: reserved?.reserved !== undefined && reserved.reserved < RESERVATION_ATTEMPTS,
      attempted: RESERVATION_ATTEMPTS,
      estimatedBlocks: reserved?.estimatedBlocks ?? 'not given',
      reservedFile: reservedFile?.file ?? null,
      dynamicRange: tcp ? `${tcp.start}-${tcp.end} (${tcp.count} ports${tcp.isDefault ? ', the default' : ''})` : 'not captured',
      dynamicDefault: tcp ? tcp.isDefault : null,
      services,
      manyServices: services >= MANY_LOAD_BALANCERS,
      source,
    };
  },
});
