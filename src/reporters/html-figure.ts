import { cidrPosition, firstAddress, isValidCidr, lastAddress } from '../cidr/index.js';
import type { AddressSpaceFigure, Figure, FigurePanel, UsageFigure } from '../facts/figure.js';
import { escapeXml } from './xml-escape.js';

const e = (text: string) => escapeXml(text);
const a = (text: string | number) => escapeXml(String(text), 'attribute');

const WIDTH = 720;
const LABEL = 210;
const BAR = WIDTH - LABEL - 16;
const ROW = 26;

const fills = { required: '#d0d7de', cover: '#2da44e', missing: '#cf222e', range: '#8250df', overlap: '#cf222e' } as const;
const textRoles = new Set(['cover', 'missing', 'overlap']);

/** A row label that fits left of the bars; the whole label is the tooltip. */
const short = (label: string) => (label.length > 30 ? `${label.slice(0, 29)}…` : label);

/** At most `n` CIDRs as text, the rest counted. */
const listed = (cidrs: readonly string[], n = 4) => (cidrs.length > n ? `${cidrs.slice(0, n).join(', ')} … (+${cidrs.length - n})` : cidrs.join(', '));

function panelSvg(panel: FigurePanel, y0: number): { svg: string; height: number } {
  const parts: string[] = [];
  let y = y0;
  parts.push(`<text class="fig-title" x="0" y="${y + 14}">${e(panel.title)}</text>`);
  y += 22;
  const span = isValidCidr(panel.span) ? panel.span : undefined;
  if (span) {
    parts.push(`<text class="fig-axis" x="${LABEL}" y="${y + 10}">${e(firstAddress(span))}</text>`);
    parts.push(`<text class="fig-axis" x="${LABEL + BAR}" y="${y + 10}" text-anchor="end">${e(lastAddress(span))}</text>`);
    parts.push(`<text class="fig-axis" x="${LABEL + BAR / 2}" y="${y + 10}" text-anchor="middle">${e(span)}</text>`);
  }
  y += 14;
  for (const row of panel.rows) {
    parts.push(`<g class="fig-row" data-role="${a(row.role)}">`);
    parts.push(`<text class="fig-label" x="${LABEL - 8}" y="${y + 15}" text-anchor="end">${e(short(row.label))}<title>${e(row.label)}</title></text>`);
    parts.push(`<rect class="fig-track" x="${LABEL}" y="${y + 3}" width="${BAR}" height="16" rx="2"/>`);
    for (const cidr of row.cidrs) {
      const at = span && isValidCidr(cidr) ? cidrPosition(span, cidr) : undefined;
      if (!at) continue;
      const x = LABEL + at.from * BAR;
      const w = Math.max((at.to - at.from) * BAR, 2);
      parts.push(
        `<rect class="fig-part" data-cidr="${a(cidr)}" x="${x.toFixed(2)}" y="${y + 3}" width="${w.toFixed(2)}" height="16" rx="2" fill="${fills[row.role]}"><title>${e(`${row.label}: ${cidr}`)}</title></rect>`,
      );
    }
    if (row.cidrs.length === 0) parts.push(`<text class="fig-none" x="${LABEL + 6}" y="${y + 15}">none</text>`);
    y += ROW;
    if (textRoles.has(row.role) && row.cidrs.length > 0) {
      parts.push(`<text class="fig-cidrs" x="${LABEL}" y="${y + 6}" fill="${fills[row.role]}">${e(listed(row.cidrs))}</text>`);
      y += 16;
    }
    parts.push('</g>');
  }
  return { svg: parts.join(''), height: y - y0 + 10 };
}

const roleNames = { required: 'required range', cover: 'what covers it', missing: 'not covered', range: 'range that must stay apart', overlap: 'shared addresses' } as const;

/** A key to the colours of the roles the figure uses. */
function legend(figure: AddressSpaceFigure): string {
  const roles = new Set(figure.panels.flatMap((p) => p.rows.map((r) => r.role)));
  const names = (Object.keys(roleNames) as Array<keyof typeof roleNames>).filter((r) => roles.has(r));
  return `<div class="legend">${names.map((r) => `<span><i style="background:${fills[r]}"></i>${e(roleNames[r])}</span>`).join('')}</div>`;
}

function addressSpaceSvg(figure: AddressSpaceFigure): string {
  let y = 0;
  const panels = figure.panels.map((p) => {
    const out = panelSvg(p, y);
    y += out.height;
    return out.svg;
  });
  if (figure.omitted > 0) {
    panels.push(`<text class="fig-axis" x="0" y="${y + 12}">… and ${figure.omitted} more not drawn</text>`);
    y += 20;
  }
  return svg('address-space', figure.caption, y, panels.join(''), legend(figure));
}

function usageSvg(figure: UsageFigure): string {
  let y = 0;
  const parts = figure.bars.map((bar) => {
    const scale = Math.max(bar.total, bar.used, 1);
    const full = bar.used >= bar.total;
    const fill = full ? '#cf222e' : bar.used / scale > 0.8 ? '#bf8700' : '#2da44e';
    const usedW = (Math.min(bar.used, bar.total) / scale) * BAR;
    const totalW = (bar.total / scale) * BAR;
    const over = bar.used > bar.total ? ((bar.used - bar.total) / scale) * BAR : 0;
    const out = [
      `<g class="fig-usage" data-used="${a(bar.used)}" data-total="${a(bar.total)}">`,
      `<text class="fig-label" x="${LABEL - 8}" y="${y + 15}" text-anchor="end">${e(short(bar.label))}<title>${e(bar.label)}</title></text>`,
      `<rect class="fig-track" x="${LABEL}" y="${y + 3}" width="${totalW.toFixed(2)}" height="16" rx="2"/>`,
      `<rect x="${LABEL}" y="${y + 3}" width="${Math.max(usedW, bar.used > 0 ? 2 : 0).toFixed(2)}" height="16" rx="2" fill="${fill}"/>`,
      over > 0 ? `<rect x="${(LABEL + totalW).toFixed(2)}" y="${y + 3}" width="${over.toFixed(2)}" height="16" fill="url(#fig-hatch)"/>` : '',
      `<text class="fig-cidrs" x="${LABEL}" y="${y + 34}">${e(`${bar.used} ${bar.usedLabel} of ${bar.total} ${bar.totalLabel}${bar.used > bar.total ? ` (${bar.used - bar.total} more than there are)` : ''}`)}</text>`,
      '</g>',
    ].join('');
    y += 44;
    return out;
  });
  return svg('usage', figure.caption, y, parts.join(''));
}

function svg(kind: string, caption: string, height: number, body: string, after = ''): string {
  return (
    `<figure class="figure" data-figure="${kind}"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${a(caption)}" viewBox="0 0 ${WIDTH} ${Math.max(height, 20)}" width="${WIDTH}" height="${Math.max(height, 20)}">` +
    `${body}</svg><figcaption>${e(caption)}</figcaption>${after}</figure>`
  );
}

/** Shared SVG definitions, once per page (ids must be unique). */
export const figureDefs =
  '<svg width="0" height="0" aria-hidden="true" style="position:absolute"><defs><pattern id="fig-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="3" height="6" fill="#cf222e"/></pattern></defs></svg>';

/** A finding's figure as inline SVG: address-space panels (required, covering, missing, overlapping CIDRs) or used vs usable bars. */
export function figureSvg(figure: Figure): string {
  return figure.type === 'address-space' ? addressSpaceSvg(figure) : usageSvg(figure);
}
