import { z } from 'zod';
import { Severity } from '../catalog/rule-schema.js';

/** `on`, `off`, or a severity (on, with every finding of the rule at that severity). */
export const RuleSetting = z.union([z.enum(['on', 'off']), Severity, z.boolean()]);
export type RuleSetting = z.infer<typeof RuleSetting>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');

export const ConfigSuppression = z.strictObject({
  /** Rule id, or a glob (`*`, `?`) over rule ids. */
  rule: z.string().min(1),
  /** Glob patterns over the finding's subject; a field left out matches anything. */
  subject: z
    .strictObject({ kind: z.string().optional(), namespace: z.string().optional(), name: z.string().optional(), node: z.string().optional() })
    .optional(),
  /** Why the finding is accepted: required, shown with every suppressed finding. */
  reason: z.string().trim().min(1, 'a reason is required'),
  /** Last day (YYYY-MM-DD, UTC) it holds; afterwards the findings come back, with a warning. */
  expires: isoDate.optional(),
});
export type ConfigSuppression = z.infer<typeof ConfigSuppression>;

/** `kube-netdoctor.config.yaml`: found upward from the snapshot, or named with `--config`. */
export const ConfigFile = z.strictObject({
  /** Rule id or document key (ack, iks, rancher, tke, win, x) → on / off / severity. Rule ids win over document keys. */
  rules: z.record(z.string(), RuleSetting).optional(),
  /** Directories of extra rule files, relative to the config file. */
  ruleDirectories: z.array(z.string().min(1)).optional(),
  suppressions: z.array(ConfigSuppression).optional(),
});
export type ConfigFile = z.infer<typeof ConfigFile>;

export const configFileName = 'kube-netdoctor.config.yaml';
