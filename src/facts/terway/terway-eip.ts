import { defineFact } from '../define.js';
import { requireTerwayEniConfig } from './terway-eni-config.js';

const unsupported = /eip pool is not supported/i;

/**
 * ACK "Terway组件升级失败常见问题": Terway no longer supports EIPs, and an upgrade
 * refuses to proceed ("eip pool is not supported") while eni-config still
 * configures them; the EIP function moves to ack-extend-network-controller.
 */
export const terwayEip = defineFact({
  id: 'terwayEip',
  subject: 'Cluster',
  description: 'EIP keys still switched on in ConfigMap kube-system/eni-config (enable_eip_pool, allow_eip_rob … set to anything but false/empty; eipKeysOff lists those set to false), and events or Terway logs saying "eip pool is not supported".',
  reads: ['ConfigMap kube-system/eni-config (eni_conf and data keys)', 'Event messages', 'nodes/<node>/logs/terway.log'],
  compute: (_cluster, index) => {
    const eni = requireTerwayEniConfig(index);
    // Keys left at false after the migration to ack-extend-network-controller do not block the upgrade.
    const keys = eni.config.eipKeysEnabled;
    const off = eni.config.eipKeysPresent.filter((k) => !keys.includes(k));
    const events = index.snapshot.events.filter((e) => unsupported.test(e.message));
    const terwayLogs = Object.values(index.snapshot.nodeOutputs).flatMap((o) => Object.entries(o.logs).filter(([name]) => /terway/.test(name)).map(([, f]) => f));
    for (const file of terwayLogs) index.noteRead(file);
    const logs = terwayLogs.filter((f) => unsupported.test(f.text));
    const event = events[0];
    const inEniConf = keys.find((k) => eni.config.eniConfKeys.includes(k));
    return {
      eipKeyCount: keys.length,
      eipKeys: keys.join(', ') || 'none',
      eipKeysOff: off.join(', ') || 'none',
      eipPoolEnabled: eni.config.eipPoolEnabled,
      upgradeErrorCount: events.length + logs.length,
      upgradeError: event ? `event ${event.reason ?? ''} on ${event.involvedKind ?? 'object'} ${event.involvedName ?? ''}: ${event.message}`.replace(/ {2,}/g, ' ') : logs[0] ? `${logs[0].file}` : 'none',
      source: event?.source ?? (inEniConf ? eni.sourceOf('eni_conf', inEniConf) : keys[0] ? eni.sourceOf(keys[0]) : eni.source),
    };
  },
});
