import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import type { ParseResult } from '../define-parser.js';
import { flagOf, isRecord, stringOf, stringsOf } from './go-json-values.js';
import { parseStrictJson, parseStrictJsonObject } from './strict-json.js';
import type { StructuredDocument } from '../structured-text.js';

export const TerwayEniConfig = z.object({
  /** eni_conf `vswitches`: zone → vSwitch ids. */
  vswitches: z.record(z.string(), z.array(z.string())),
  /** `security_group` and `security_groups`, united as Terway does. */
  securityGroups: z.array(z.string()),
  serviceCidr: z.string().optional(),
  /** `service_cidr` split on commas (dual-stack clusters write `192.168.0.0/16,fc00::/112`). */
  serviceCidrs: z.array(z.string()),
  /** The Terway CNI config says `"eniip_virtual_type": "IPVlan"`. */
  ipvlan: z.boolean(),
  /** `eniip_virtual_type` as written (IPVlan, datapathv2, Veth …). */
  virtualType: z.string().optional(),
  inClusterLoadBalance: z.boolean().optional(),
  disableNetworkPolicy: z.boolean().optional(),
  /** eni_conf keys about EIPs still configured (`enable_eip_pool`, `allow_eip_rob` …). */
  eipKeysPresent: z.array(z.string()),
  /** `enable_eip_pool` is true: Terway versions without EIP support refuse to upgrade ("eip pool is not supported"). */
  eipPoolEnabled: z.boolean(),
  /**
   * The EIP keys whose value turns something on (not `false`, `"false"`, 0 or empty): the state Terway's
   * migration to ack-extend-network-controller leaves is `enable_eip_pool: "false"`, which is not a finding.
   */
  eipKeysEnabled: z.array(z.string()),
  ipamType: z.string().optional(),
  vswitchSelectionPolicy: z.string().optional(),
  /** The ConfigMap's data keys. */
  keys: z.array(z.string()),
  /** The keys of the eni_conf JSON (names only; values such as access keys are never copied). */
  eniConfKeys: z.array(z.string()),
  /** Lines by `<data key>.<field>`, e.g. `eni_conf.vswitches`, counted within each value plus its offset. */
  lines: z.record(z.string(), z.number().int().positive()),
});
export type TerwayEniConfig = z.infer<typeof TerwayEniConfig>;

export interface TerwayEniConfigOptions {
  file?: string;
  /** Line in the ConfigMap file just before each data value starts, so diagnostics point into that file. */
  lineOffsets?: Record<string, number>;
}

export const emptyTerwayEniConfig = (): TerwayEniConfig => ({
  vswitches: {},
  securityGroups: [],
  serviceCidrs: [],
  ipvlan: false,
  eipKeysPresent: [],
  eipPoolEnabled: false,
  eipKeysEnabled: [],
  keys: [],
  eniConfKeys: [],
  lines: {},
});

/**
 * Reads ConfigMap kube-system/eni-config from its `data` record. Not a text
 * parser: the values are separate texts (`eni_conf` JSON, flags such as
 * `disable_network_policy: "true"`, the `10-terway.conf` CNI config). Never throws.
 */
export function parseTerwayEniConfig(data: Record<string, string>, options: TerwayEniConfigOptions = {}): ParseResult<TerwayEniConfig> {
  try {
    return readEniConfig(data, options);
  } catch (error) {
    const message = `terway-eni-config parser failed: ${(error as Error).message}`;
    return { value: emptyTerwayEniConfig(), diagnostics: [diagnostic('error', 'parser-crashed', message, { file: options.file })] };
  }
}

function readEniConfig(data: Record<string, string>, options: TerwayEniConfigOptions): ParseResult<TerwayEniConfig> {
  const value = emptyTerwayEniConfig();
  const diagnostics: Diagnostic[] = [];
  const file = options.file;
  const offsetOf = (key: string): number => options.lineOffsets?.[key] ?? 0;
  value.keys = Object.keys(data).sort();
  value.eipKeysPresent = value.keys.filter((key) => /eip/i.test(key));
  value.eipKeysEnabled = value.eipKeysPresent.filter((key) => turnsOn(data[key]));
  const flag = (key: 'disable_network_policy' | 'in_cluster_loadbalance'): boolean | undefined => {
    if (data[key] === undefined) return undefined;
    const parsed = flagOf(data[key]);
    const offset = options.lineOffsets?.[key];
    const where = { file, line: offset === undefined ? undefined : offset + 1 };
    if (parsed === undefined) diagnostics.push(diagnostic('warning', 'terway-flag-not-boolean', `${key} is neither "true" nor "false"`, where));
    return parsed;
  };
  const disable = flag('disable_network_policy');
  if (disable !== undefined) value.disableNetworkPolicy = disable;
  const inCluster = flag('in_cluster_loadbalance');
  if (inCluster !== undefined) value.inClusterLoadBalance = inCluster;

  const eniConf = data.eni_conf;
  if (eniConf === undefined) {
    diagnostics.push(diagnostic('error', 'terway-no-eni-conf', 'eni-config has no eni_conf key', { file }));
  } else {
    const what = { what: 'eni_conf', notAnObjectCode: 'terway-eni-conf-not-an-object' };
    const parsed = parseStrictJsonObject(eniConf, { file, lineOffset: offsetOf('eni_conf'), ...what });
    diagnostics.push(...parsed.diagnostics);
    if (parsed.object && parsed.document) readEniConf(value, parsed.object, parsed.document, diagnostics, file);
  }

  // Terway prefers 10-terway.conflist over 10-terway.conf (terway docs/cni-chain).
  const cniKey = ['10-terway.conflist', '10-terway.conf'].find((key) => data[key] !== undefined);
  if (cniKey !== undefined) {
    const parsed = parseStrictJson(data[cniKey] ?? '', { file, lineOffset: offsetOf(cniKey), what: cniKey });
    diagnostics.push(...parsed.diagnostics);
    const plugin = parsed.document ? terwayPlugin(parsed.document.value) : undefined;
    const virtualType = plugin ? stringOf(plugin.eniip_virtual_type) : undefined;
    if (virtualType !== undefined) {
      value.virtualType = virtualType;
      value.ipvlan = virtualType.toLowerCase() === 'ipvlan';
    }
  }
  return { value, diagnostics };
}

function readEniConf(
  value: TerwayEniConfig,
  conf: Record<string, unknown>,
  document: StructuredDocument,
  diagnostics: Diagnostic[],
  file: string | undefined,
): void {
  const warn = (code: string, message: string, path: string[]): void => {
    diagnostics.push(diagnostic('warning', code, message, { file, line: document.lineOf(path) ?? document.line }));
  };
  value.eniConfKeys = Object.keys(conf).sort();
  for (const key of value.eniConfKeys) {
    const line = document.lineOf([key]);
    if (line !== undefined) value.lines[`eni_conf.${key}`] = line;
  }
  value.eipKeysPresent = [...value.eniConfKeys.filter((key) => /eip/i.test(key)), ...value.eipKeysPresent];
  value.eipPoolEnabled = flagOf(conf.enable_eip_pool) === true;
  value.eipKeysEnabled = [...value.eniConfKeys.filter((key) => /eip/i.test(key) && turnsOn(conf[key])), ...value.eipKeysEnabled];
  if (isRecord(conf.vswitches)) {
    for (const [zone, ids] of Object.entries(conf.vswitches)) {
      const list = stringsOf(ids);
      if (list) value.vswitches[zone] = list;
      else warn('terway-vswitches-not-a-list', 'a zone in vswitches does not map to a list of vSwitch ids', ['vswitches', zone]);
    }
  } else if (conf.vswitches !== undefined) warn('terway-vswitches-not-a-mapping', 'vswitches is not a mapping of zone to vSwitch ids', ['vswitches']);
  const groups = [stringOf(conf.security_group), ...(stringsOf(conf.security_groups) ?? [])].filter((group) => group !== undefined && group !== '');
  value.securityGroups = [...new Set(groups as string[])];
  const serviceCidr = stringOf(conf.service_cidr);
  if (serviceCidr !== undefined) {
    value.serviceCidr = serviceCidr;
    value.serviceCidrs = serviceCidr.split(',').map((cidr) => cidr.trim()).filter((cidr) => cidr !== '');
  }
  const ipamType = stringOf(conf.ipam_type);
  if (ipamType !== undefined) value.ipamType = ipamType;
  const policy = stringOf(conf.vswitch_selection_policy);
  if (policy !== undefined) value.vswitchSelectionPolicy = policy;
  // The ACK FAQ: in_cluster_loadbalance must sit beside eni_conf, not inside it.
  for (const key of ['in_cluster_loadbalance', 'disable_network_policy']) {
    if (key in conf) warn('terway-flag-inside-eni-conf', `${key} inside eni_conf is ignored; it must be a data key beside eni_conf`, [key]);
  }
}

/** The terway plugin of a `.conf` (the object itself) or a `.conflist` (its `plugins` entry of type terway). */
function terwayPlugin(config: unknown): Record<string, unknown> | undefined {
  if (!isRecord(config)) return undefined;
  if (!Array.isArray(config.plugins)) return config;
  return config.plugins.find((plugin): plugin is Record<string, unknown> => isRecord(plugin) && plugin.type === 'terway');
}

/** Whether a config value switches its feature on: anything but false, "false", 0, "0", null or empty. */
function turnsOn(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (typeof value === 'string' && /^(false|0|no|off)$/i.test(value.trim())) return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
