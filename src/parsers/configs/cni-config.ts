import { z } from 'zod';
import { type Diagnostic, compareDiagnostics, diagnostic } from '../../diagnostics.js';
import { CniWindows, type PolicyScope, windowsOf } from '../windows/cni-config-windows.js';
import { type ParseOptions, defineParser } from '../define-parser.js';
import { type Path, fieldOf, isRecord, stringOf, stringsOf } from './go-json-values.js';
import { parseStrictJsonObject } from './strict-json.js';
import type { StructuredDocument } from '../structured-text.js';

const line = z.number().int().positive();

export const CniPlugin = z.object({
  type: z.string(),
  line,
  name: z.string().optional(),
  capabilities: z.record(z.string(), z.boolean()),
  ipamType: z.string().optional(),
  delegateType: z.string().optional(),
  /** `"mtu"` of the plugin (calico's in canal, bridge, ptp) or of flannel's delegate: the pods' interface MTU. */
  mtu: z.number().int().optional(),
  mtuLine: z.number().int().positive().optional(),
});
export const CniFlannel = z.object({
  hairpinMode: z.boolean().optional(),
  isDefaultGateway: z.boolean().optional(),
  dataDir: z.string().optional(),
  ipamType: z.string().optional(),
  ipamDataDir: z.string().optional(),
  delegateType: z.string().optional(),
  line,
});
export const CniHostLocalRange = z.object({
  subnet: z.string().optional(),
  rangeStart: z.string().optional(),
  rangeEnd: z.string().optional(),
  line,
});
export const CniDns = z.object({ nameservers: z.array(z.string()), search: z.array(z.string()), line });
export const CniConfig = z.object({
  /** `conflist` when the file has a `plugins` list, else a single-plugin `conf`. */
  format: z.enum(['conf', 'conflist']).optional(),
  name: z.string().optional(),
  cniVersion: z.string().optional(),
  cniVersionLine: line.optional(),
  plugins: z.array(CniPlugin),
  flannel: CniFlannel.optional(),
  /** Some plugin has `capabilities.portMappings: true` (hostPort support). */
  portMappings: z.boolean(),
  hostLocalRanges: z.array(CniHostLocalRange),
  dns: CniDns.optional(),
  windows: CniWindows.optional(),
});
export type CniConfig = z.infer<typeof CniConfig>;
export type CniPlugin = z.infer<typeof CniPlugin>;

const emptyCniConfig = (): CniConfig => ({ plugins: [], portMappings: false, hostLocalRanges: [] });

interface Context {
  document: StructuredDocument;
  diagnostics: Diagnostic[];
  file: string | undefined;
}

export const cniConfigParser = defineParser<CniConfig>({
  id: 'cni-config',
  command: 'files of /etc/cni/net.d (Windows: C:\\k\\cni\\config)',
  description: 'A CNI network config (.conf, .conflist or .json): plugins, flannel delegate options, hostPort support, host-local ranges and the Windows OutBoundNAT exception list.',
  schema: CniConfig,
  example: `{
  "name": "cb0",
  "cniVersion": "0.3.1",
  "plugins": [
    { "type": "flannel", "delegate": { "isDefaultGateway": true, "hairpinMode": true } },
    { "type": "portmap", "capabilities": { "portMappings": true }, "externalSetMarkChain": "KUBE-MARK-MASQ" }
  ]
}`,
  empty: emptyCniConfig,
  parse(text, { file }) {
    const parsed = parseStrictJsonObject(text, { file, what: 'a CNI config', notAnObjectCode: 'cni-not-an-object' });
    const { object: root, document, diagnostics } = parsed;
    if (!root || !document) return { value: emptyCniConfig(), diagnostics };
    const context: Context = { document, diagnostics, file };
    const value = emptyCniConfig();
    const list = fieldOf(root, 'plugins');
    value.format = list ? 'conflist' : 'conf';
    value.name = stringOf(fieldOf(root, 'name')?.value);
    const version = fieldOf(root, 'cniVersion');
    if (version) {
      value.cniVersion = stringOf(version.value);
      value.cniVersionLine = document.lineOf([version.key]);
      if (value.cniVersion === undefined) report(context, 'cni-version-not-a-string', 'cniVersion is not a string', [version.key]);
    }
    const pluginObjects: { object: Record<string, unknown>; path: Path }[] = [];
    if (!list) pluginObjects.push({ object: root, path: [] });
    else if (!Array.isArray(list.value)) report(context, 'cni-plugins-not-a-list', 'plugins is not a list', [list.key], 'error');
    else {
      list.value.forEach((plugin: unknown, index) => {
        if (isRecord(plugin)) pluginObjects.push({ object: plugin, path: [list.key, index] });
        else report(context, 'cni-plugin-not-an-object', `plugin ${index + 1} is not an object`, [list.key, index]);
      });
    }
    const scopes: PolicyScope[] = [];
    for (const { object, path } of pluginObjects) {
      const plugin = readPlugin(context, object, path);
      if (!plugin) continue;
      value.plugins.push(plugin);
      if (plugin.capabilities.portMappings === true) value.portMappings = true;
      scopes.push({ object, path, type: plugin.type, flannelDelegate: false });
      const delegate = fieldOf(object, 'delegate');
      if (isRecord(delegate?.value)) {
        scopes.push({ object: delegate.value, path: [...path, delegate.key], type: plugin.delegateType, flannelDelegate: plugin.type === 'flannel' });
      }
      if (plugin.type === 'flannel' && !value.flannel) value.flannel = readFlannel(context, object, path, plugin);
    }
    for (const scope of scopes) {
      value.hostLocalRanges.push(...hostLocalRanges(context, scope.object, scope.path));
      value.dns ??= readDns(context, scope.object, scope.path);
    }
    const windows = windowsOf(scopes, document, diagnostics, file);
    if (windows) value.windows = windows;
    return { value, diagnostics: diagnostics.sort(compareDiagnostics) };
  },
});

export function parseCniConfig(text: string, options?: ParseOptions) {
  return cniConfigParser.parse(text, options);
}

function report(context: Context, code: string, message: string, path: Path, severity: Diagnostic['severity'] = 'warning'): void {
  const where = { file: context.file, line: context.document.lineOf(path) ?? context.document.line };
  context.diagnostics.push(diagnostic(severity, code, message, where));
}

function readPlugin(context: Context, object: Record<string, unknown>, path: Path): CniPlugin | undefined {
  const type = stringOf(fieldOf(object, 'type')?.value);
  if (type === undefined) {
    report(context, 'cni-plugin-without-type', 'a plugin has no type, so the runtime cannot run it', path);
    return undefined;
  }
  const plugin: CniPlugin = { type, line: context.document.lineOf(path) ?? context.document.line, capabilities: {} };
  const name = stringOf(fieldOf(object, 'name')?.value);
  if (name !== undefined) plugin.name = name;
  // libcni decodes capabilities into map[string]bool, so these keys are case-sensitive.
  const capabilities = fieldOf(object, 'capabilities')?.value;
  if (isRecord(capabilities)) {
    for (const [key, enabled] of Object.entries(capabilities)) if (typeof enabled === 'boolean') plugin.capabilities[key] = enabled;
  }
  const ipam = fieldOf(object, 'ipam')?.value;
  const ipamType = isRecord(ipam) ? stringOf(fieldOf(ipam, 'type')?.value) : undefined;
  if (ipamType !== undefined) plugin.ipamType = ipamType;
  const delegate = fieldOf(object, 'delegate')?.value;
  const delegateType = isRecord(delegate) ? stringOf(fieldOf(delegate, 'type')?.value) : undefined;
  if (delegateType !== undefined) plugin.delegateType = delegateType;
  readMtu(context, plugin, object, path);
  return plugin;
}

/** `"mtu"` on the plugin, else in flannel's `delegate` (the bridge flannel configures). */
function readMtu(context: Context, plugin: CniPlugin, object: Record<string, unknown>, path: Path): void {
  const own = fieldOf(object, 'mtu');
  const delegate = fieldOf(object, 'delegate');
  const inDelegate = !own && isRecord(delegate?.value) ? fieldOf(delegate.value, 'mtu') : undefined;
  const field = own ?? inDelegate;
  if (!field || typeof field.value !== 'number' || !Number.isInteger(field.value) || field.value <= 0) return;
  plugin.mtu = field.value;
  const line = context.document.lineOf(own || !delegate ? [...path, field.key] : [...path, delegate.key, field.key]);
  if (line !== undefined) plugin.mtuLine = line;
}

function readFlannel(context: Context, object: Record<string, unknown>, path: Path, plugin: CniPlugin): z.infer<typeof CniFlannel> {
  const flannel: z.infer<typeof CniFlannel> = { line: plugin.line };
  const delegate = fieldOf(object, 'delegate');
  if (isRecord(delegate?.value)) {
    for (const key of ['hairpinMode', 'isDefaultGateway'] as const) {
      const field = fieldOf(delegate.value, key);
      if (typeof field?.value === 'boolean') flannel[key] = field.value;
      else if (field) report(context, 'cni-flannel-not-a-boolean', `delegate.${key} is not a JSON boolean`, [...path, delegate.key, field.key]);
    }
  }
  // flannel passes only `delegate` on to the bridge plugin; a hairpinMode beside it is ignored.
  const misplaced = fieldOf(object, 'hairpinMode');
  if (misplaced) {
    const message = 'hairpinMode is set on the flannel plugin itself, where flannel ignores it; it belongs inside delegate';
    report(context, 'cni-flannel-hairpin-misplaced', message, [...path, misplaced.key]);
  }
  const dataDir = stringOf(fieldOf(object, 'dataDir')?.value);
  if (dataDir !== undefined) flannel.dataDir = dataDir;
  const ipam = fieldOf(object, 'ipam')?.value;
  if (isRecord(ipam)) {
    const ipamDataDir = stringOf(fieldOf(ipam, 'dataDir')?.value);
    if (plugin.ipamType !== undefined) flannel.ipamType = plugin.ipamType;
    if (ipamDataDir !== undefined) flannel.ipamDataDir = ipamDataDir;
  }
  if (plugin.delegateType !== undefined) flannel.delegateType = plugin.delegateType;
  return flannel;
}

function hostLocalRanges(context: Context, object: Record<string, unknown>, path: Path): z.infer<typeof CniHostLocalRange>[] {
  const ipam = fieldOf(object, 'ipam');
  if (!isRecord(ipam?.value) || stringOf(fieldOf(ipam.value, 'type')?.value) !== 'host-local') return [];
  const ipamPath = [...path, ipam.key];
  const candidates: { object: Record<string, unknown>; path: Path }[] = [{ object: ipam.value, path: ipamPath }];
  // host-local takes either a single top-level range or `ranges`, a list of range sets.
  const ranges = fieldOf(ipam.value, 'ranges');
  if (Array.isArray(ranges?.value)) {
    ranges.value.forEach((set: unknown, i) => {
      if (!Array.isArray(set)) return;
      set.forEach((range: unknown, j) => {
        if (isRecord(range)) candidates.push({ object: range, path: [...ipamPath, ranges.key, i, j] });
      });
    });
  }
  const found: z.infer<typeof CniHostLocalRange>[] = [];
  for (const candidate of candidates) {
    const range: z.infer<typeof CniHostLocalRange> = { line: context.document.lineOf(candidate.path) ?? context.document.line };
    for (const key of ['subnet', 'rangeStart', 'rangeEnd'] as const) {
      const text = stringOf(fieldOf(candidate.object, key)?.value);
      if (text !== undefined) range[key] = text;
    }
    if (range.subnet !== undefined || range.rangeStart !== undefined || range.rangeEnd !== undefined) found.push(range);
  }
  return found;
}

function readDns(context: Context, object: Record<string, unknown>, path: Path): z.infer<typeof CniDns> | undefined {
  const dns = fieldOf(object, 'dns');
  if (!isRecord(dns?.value)) return undefined;
  return {
    nameservers: stringsOf(fieldOf(dns.value, 'nameservers')?.value) ?? [],
    search: stringsOf(fieldOf(dns.value, 'search')?.value) ?? [],
    line: context.document.lineOf([...path, dns.key]) ?? context.document.line,
  };
}
