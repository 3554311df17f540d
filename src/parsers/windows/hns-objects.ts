/**
 * Field access shared by the HNS parsers (hns-networks, hns-endpoints). HNS objects come in two
 * schemas: v1 (hns.psm1, `Get-HnsNetwork`) puts a policy's fields beside its `Type`
 * (`{ "Type": "OutBoundNAT", "ExceptionList": [...] }`); v2 (HCN) nests them under `Settings`
 * (`{ "Type": "OutBoundNAT", "Settings": { "Exceptions": [...] } }`).
 */
import { fieldOf, isRecord, stringOf } from '../configs/go-json-values.js';

/** A string field, case-insensitive as HNS's JSON decoding is; numbers are read as text. */
export function textOf(object: Record<string, unknown>, name: string): string | undefined {
  const value = fieldOf(object, name)?.value;
  return typeof value === 'number' ? String(value) : stringOf(value);
}

export function listOf(object: Record<string, unknown>, name: string): unknown[] | undefined {
  const value = fieldOf(object, name)?.value;
  return Array.isArray(value) ? value : undefined;
}

export interface HnsPolicy {
  type: string;
  /** v2 `Settings`, or the v1 policy object itself. */
  settings: Record<string, unknown>;
}

export function hnsPolicies(object: Record<string, unknown>): HnsPolicy[] {
  const policies: HnsPolicy[] = [];
  for (const item of listOf(object, 'Policies') ?? []) {
    if (!isRecord(item)) continue;
    const type = textOf(item, 'Type');
    if (type === undefined) continue;
    const settings = fieldOf(item, 'Settings')?.value;
    policies.push({ type, settings: isRecord(settings) ? settings : item });
  }
  return policies;
}
