import { svgAttr, svgText } from '../escape/index.js';
import { shorten } from './svg-text.js';

/** One bar of a fit chart: a sector or region, its accounts and how many of them fit. */
export interface FitBar {
  label: string;
  fitting: number;
  total: number;
}

const WIDTH = 520;
const LABEL_W = 180;
const COUNT_W = 92;
const ROW = 26;
const TOP = 6;

/**
 * A horizontal bar per group, the fitting part first: inline SVG drawn here (no script, no chart
 * library), every text escaped for SVG. `id` makes the title's id unique on the page.
 */
export function fitBarsSvg(bars: readonly FitBar[], title: string, id: string): string {
  if (bars.length === 0) return '';
  const max = Math.max(1, ...bars.map((b) => b.total));
  const plotW = WIDTH - LABEL_W - COUNT_W;
  const height = TOP * 2 + bars.length * ROW;
  const scale = (n: number) => round((n / max) * plotW);
  const summary = bars.map((b) => `${b.label}: ${b.fitting} of ${b.total} fit`).join('; ');
  const out = [
    `<svg class="chart fit-chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${svgAttr(id)}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${svgAttr(id)}">${svgText(`${title}. ${summary}`)}</title>`,
  ];
  bars.forEach((b, i) => {
    const y = TOP + i * ROW;
    const fit = scale(b.fitting);
    const all = scale(b.total);
    const label = shorten(b.label, 26);
    out.push(
      `<text class="bar-label" x="${LABEL_W - 8}" y="${y + 17}" text-anchor="end">${svgText(label)}</text>`,
      `<rect class="misfit" x="${LABEL_W}" y="${y + 5}" width="${Math.max(all, 1)}" height="${ROW - 10}"/>`,
    );
    if (fit > 0) out.push(`<rect class="fits" x="${LABEL_W}" y="${y + 5}" width="${fit}" height="${ROW - 10}"/>`);
    out.push(
      `<text class="bar-count" x="${round(LABEL_W + all + 6)}" y="${y + 17}">${b.fitting} of ${b.total} fit</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}

/** One step of the sizing funnel. */
export interface FunnelStep {
  label: string;
  /** The amount as the report writes it (one money notation). */
  amount: string;
  value: number;
  note?: string;
}

/** The required share against the achievable one (shares 0–1, texts as the report writes them). */
export interface ShareMark {
  required: number;
  requiredText: string;
  achievable: number;
  achievableText: string;
}

const FUNNEL_W = 700;
const STEP_H = 46;
/** Left of the bars: the step names and notes; right of them: the amounts. */
const FUNNEL_LEFT = 220;
const FUNNEL_RIGHT = 130;

/**
 * The sizing funnel: total market → addressable → revenue target, each a centred bar as wide as
 * its amount (a sliver stays visible), then the required share on a scale with the achievable
 * share marked.
 */
export function funnelSvg(steps: readonly FunnelStep[], share: ShareMark | undefined, id: string): string {
  if (steps.length === 0) return '';
  const max = Math.max(...steps.map((s) => s.value), 1);
  const plotW = FUNNEL_W - FUNNEL_LEFT - FUNNEL_RIGHT;
  const centre = FUNNEL_LEFT + plotW / 2;
  const labelX = FUNNEL_LEFT - 10;
  const amountX = FUNNEL_LEFT + plotW + 10;
  const shareH = share ? 70 : 0;
  const height = steps.length * STEP_H + shareH + 8;
  const words = steps.map((s) => `${s.label} ${s.amount}`).join(', ');
  const shareWords = share
    ? `; required share ${share.requiredText} against an achievable ${share.achievableText}`
    : '';
  const out = [
    `<svg class="chart funnel" viewBox="0 0 ${FUNNEL_W} ${height}" role="img" aria-labelledby="${svgAttr(id)}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${svgAttr(id)}">${svgText(`Sizing: ${words}${shareWords}`)}</title>`,
  ];
  steps.forEach((s, i) => {
    const y = 4 + i * STEP_H;
    const w = Math.max(3, round((s.value / max) * plotW));
    out.push(
      `<rect class="step step-${i}" x="${round(centre - w / 2)}" y="${y}" width="${w}" height="${STEP_H - 12}" rx="3"/>`,
      `<text class="step-label" x="${labelX}" y="${y + 15}" text-anchor="end">${svgText(s.label)}</text>`,
      `<text class="step-amount" x="${amountX}" y="${y + 15}">${svgText(s.amount)}</text>`,
    );
    if (s.note)
      out.push(
        `<text class="step-note" x="${labelX}" y="${y + 30}" text-anchor="end">${svgText(shorten(s.note, 36))}</text>`,
      );
  });
  if (share) {
    const y = steps.length * STEP_H + 14;
    const scale = Math.max(share.required, share.achievable) * 1.25 || 1;
    const x = (v: number) => round(FUNNEL_LEFT + (v / scale) * plotW);
    const over = share.required > share.achievable;
    out.push(
      `<text class="step-label" x="${labelX}" y="${y + 12}" text-anchor="end">Required share</text>`,
      `<rect class="share-track" x="${FUNNEL_LEFT}" y="${y + 2}" width="${plotW}" height="12" rx="6"/>`,
      `<rect class="share-fill${over ? ' over' : ''}" x="${FUNNEL_LEFT}" y="${y + 2}" width="${Math.max(2, x(share.required) - FUNNEL_LEFT)}" height="12" rx="6"/>`,
      `<line class="share-limit" x1="${x(share.achievable)}" x2="${x(share.achievable)}" y1="${y - 3}" y2="${y + 19}"/>`,
      `<text class="step-amount" x="${amountX}" y="${y + 12}">${svgText(share.requiredText)}</text>`,
      `<text class="step-note" x="${x(share.achievable)}" y="${y + 34}" text-anchor="middle">${svgText(`achievable ${share.achievableText}`)}</text>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
