import { z } from 'zod';

/**
 * A picture of a finding, for reporters that draw (the HTML report): plain data, so it
 * travels in the JSON report and any reporter can render it its own way.
 */

/** One row of an address-space panel: what a set of CIDRs is, and its part in the picture. */
export const FigureRow = z.object({
  label: z.string(),
  /**
   * `required`: a range that must be handled; `cover`: what handles it (ExceptionList,
   * NonMasqueradeCIDRs, admitted sources); `missing`: the part of a required range left out;
   * `range`: one of several ranges that must not overlap; `overlap`: the addresses they share.
   */
  role: z.enum(['required', 'cover', 'missing', 'range', 'overlap']),
  cidrs: z.array(z.string()),
});
export type FigureRow = z.infer<typeof FigureRow>;

/** Rows drawn to one scale: `span`, a CIDR holding everything that matters in the panel. */
export const FigurePanel = z.object({
  title: z.string(),
  span: z.string(),
  rows: z.array(FigureRow),
});
export type FigurePanel = z.infer<typeof FigurePanel>;

export const AddressSpaceFigure = z.object({
  type: z.literal('address-space'),
  caption: z.string(),
  panels: z.array(FigurePanel),
  /** Panels left out to keep the picture readable. */
  omitted: z.number().int().nonnegative(),
});
export type AddressSpaceFigure = z.infer<typeof AddressSpaceFigure>;

/** How much of a pool is taken: `used` of `total` (used may exceed total: more demand than supply). */
export const UsageBar = z.object({
  label: z.string(),
  used: z.number().nonnegative(),
  usedLabel: z.string(),
  total: z.number().nonnegative(),
  totalLabel: z.string(),
});
export type UsageBar = z.infer<typeof UsageBar>;

export const UsageFigure = z.object({
  type: z.literal('usage'),
  caption: z.string(),
  bars: z.array(UsageBar),
});
export type UsageFigure = z.infer<typeof UsageFigure>;

export const Figure = z.discriminatedUnion('type', [AddressSpaceFigure, UsageFigure]);
export type Figure = z.infer<typeof Figure>;

/** The most panels a figure shows; the rest are counted in `omitted`. */
export const maxPanels = 8;
