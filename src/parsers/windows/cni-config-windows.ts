import { z } from 'zod';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { type Path, fieldOf, isRecord, stringOf } from '../configs/go-json-values.js';
import type { StructuredDocument } from '../structured-text.js';

/**
 * Where a Windows CNI config keeps its OutBoundNAT exception list. All spellings
 * of the keys (`name`/`Name`, `value`/`Value`, `policies`/`Policies`) are read,
 * since the Windows plugins decode them case-insensitively.
 * - `flannel-delegate-policies`: flannel `delegate.policies[].value.ExceptionList`
 *   (microsoft/SDN overlay cni.conf, win-bridge/win-overlay delegates)
 * - `additional-args-settings`: `AdditionalArgs[].Value.Settings.Exceptions`
 *   (sdnbridge/sdnoverlay, HNS v2; sig-windows-tools flannel-overlay.yml)
 * - `policy-exception-list`: `ExceptionList` directly in an OutBoundNAT value
 *   elsewhere (top-level win-bridge `policies`, microsoft/SDN l2bridge AdditionalArgs)
 * - `hcn-policy-args`: win-bridge `HcnPolicyArgs[].Settings.Exceptions` (ApiVersion 2)
 * - `none`: no OutBoundNAT policy at all
 */
export const ExceptionListForm = z.enum([
  'flannel-delegate-policies',
  'additional-args-settings',
  'policy-exception-list',
  'hcn-policy-args',
  'none',
]);
export type ExceptionListForm = z.infer<typeof ExceptionListForm>;

export const CniWindows = z.object({
  /** The Windows plugin: the flannel delegate's type, else the plugin's own (win-bridge, sdnoverlay …). */
  type: z.string(),
  exceptionList: z.array(z.string()),
  exceptionListLine: z.number().int().positive().optional(),
  exceptionListForm: ExceptionListForm,
  /** Dot path of the list as spelled in the file, e.g. `delegate.AdditionalArgs.0.Value.Settings.Exceptions`. */
  exceptionListPath: z.string().optional(),
  outboundNat: z.boolean(),
  line: z.number().int().positive(),
});
export type CniWindows = z.infer<typeof CniWindows>;

/** An object that may carry Windows policies: a plugin, or a flannel plugin's delegate. */
export interface PolicyScope {
  object: Record<string, unknown>;
  path: Path;
  type: string | undefined;
  flannelDelegate: boolean;
}

const windowsPluginTypes = new Set(['win-bridge', 'win-overlay', 'sdnbridge', 'sdnoverlay', 'l2bridge', 'l2tunnel', 'wincni.exe', 'nat']);
const policyLists = ['policies', 'AdditionalArgs', 'HcnPolicyArgs'];

interface OutboundNat {
  scope: PolicyScope;
  form: ExceptionListForm;
  entries: unknown;
  listPath: Path | undefined;
}

/** The Windows part of a CNI config, or undefined when nothing in it is Windows-specific. */
export function windowsOf(
  scopes: PolicyScope[],
  document: StructuredDocument,
  diagnostics: Diagnostic[],
  file: string | undefined,
): CniWindows | undefined {
  const policies = scopes.flatMap((scope) => outboundNatPolicies(scope));
  const sawPolicyList = scopes.some((scope) => policyLists.some((name) => Array.isArray(fieldOf(scope.object, name)?.value)));
  const windowsScope = scopes.find((scope) => windowsPluginTypes.has((scope.type ?? '').toLowerCase()));
  const owner = policies[0]?.scope ?? windowsScope ?? (sawPolicyList ? scopes[0] : undefined);
  if (!owner) return undefined;
  const line = document.lineOf(owner.path) ?? document.line;
  const windows: CniWindows = {
    type: (windowsScope ?? owner).type ?? '',
    exceptionList: [],
    exceptionListForm: policies[0]?.form ?? 'none',
    outboundNat: policies.length > 0,
    line,
  };
  for (const policy of policies) {
    if (policy.listPath === undefined) continue;
    const listLine = document.lineOf(policy.listPath);
    windows.exceptionListLine ??= listLine;
    windows.exceptionListPath ??= policy.listPath.join('.');
    if (!Array.isArray(policy.entries)) {
      diagnostics.push(diagnostic('warning', 'cni-exception-list-not-a-list', 'the OutBoundNAT exception list is not a list', { file, line: listLine }));
      continue;
    }
    policy.entries.forEach((entry, index) => {
      if (typeof entry === 'string') windows.exceptionList.push(entry);
      else {
        const where = { file, line: document.lineOf([...(policy.listPath ?? []), index]) ?? listLine };
        diagnostics.push(diagnostic('warning', 'cni-exception-not-a-string', `OutBoundNAT exception ${index + 1} is not a string`, where));
      }
    });
  }
  if (policies.length > 1) {
    const message = `${policies.length} OutBoundNAT policies found; their exception lists are combined`;
    diagnostics.push(diagnostic('info', 'cni-several-outbound-nat', message, { file, line: windows.exceptionListLine ?? line }));
  }
  return windows;
}

function outboundNatPolicies(scope: PolicyScope): OutboundNat[] {
  const found: OutboundNat[] = [];
  for (const listName of policyLists) {
    const list = fieldOf(scope.object, listName);
    if (!list || !Array.isArray(list.value)) continue;
    list.value.forEach((entry: unknown, index) => {
      if (!isRecord(entry)) return;
      const entryPath = [...scope.path, list.key, index];
      // HcnPolicyArgs entries are the policy itself: { "Type": "OutBoundNAT", "Settings": { … } }.
      const wrapped = fieldOf(entry, 'value');
      const value = wrapped && isRecord(wrapped.value) ? wrapped.value : entry;
      const valuePath = wrapped && isRecord(wrapped.value) ? [...entryPath, wrapped.key] : entryPath;
      if (stringOf(fieldOf(value, 'type')?.value)?.toLowerCase() !== 'outboundnat') return;
      const direct = fieldOf(value, 'ExceptionList');
      const settings = fieldOf(value, 'Settings');
      const inSettings = isRecord(settings?.value)
        ? (fieldOf(settings.value, 'Exceptions') ?? fieldOf(settings.value, 'ExceptionList'))
        : undefined;
      const listField = direct ?? inSettings;
      const listPath = direct
        ? [...valuePath, direct.key]
        : inSettings && settings
          ? [...valuePath, settings.key, inSettings.key]
          : undefined;
      found.push({ scope, form: formOf(listName, direct === undefined && settings !== undefined, scope), entries: listField?.value, listPath });
    });
  }
  return found;
}

function formOf(listName: string, inSettings: boolean, scope: PolicyScope): ExceptionListForm {
  if (listName === 'HcnPolicyArgs') return 'hcn-policy-args';
  if (inSettings) return 'additional-args-settings';
  return scope.flannelDelegate && listName === 'policies' ? 'flannel-delegate-policies' : 'policy-exception-list';
}
