import { svgAttr, svgText } from '../escape/index.js';
import type { StageView } from './views/journey.js';

const WIDTH = 760;
const HEIGHT = 240;
const PAD = { left: 92, right: 16, top: 28, bottom: 34 };
const LEVELS = [2, 1, 0, -1, -2];
const LEVEL_NAMES: Record<number, string> = {
  2: 'delighted',
  1: 'positive',
  0: 'neutral',
  [-1]: 'negative',
  [-2]: 'frustrated',
};

/**
 * The journey's emotion curve as inline SVG, drawn here rather than by a chart library so that the
 * report needs no script. One point per stage (a hollow point on the neutral line when the stage
 * records no emotion), phase bands behind, every text escaped.
 */
export function emotionCurveSvg(stages: readonly StageView[], title: string): string {
  const n = stages.length;
  if (n === 0) return '';
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = plotW / n;
  const x = (i: number) => round(PAD.left + (i + 0.5) * step);
  const y = (e: number) => round(PAD.top + ((2 - e) * plotH) / 4);
  const out: string[] = [];
  out.push(
    `<svg class="emotion-curve" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-labelledby="curve-title" xmlns="http://www.w3.org/2000/svg">`,
  );
  out.push(`<title id="curve-title">${svgText(`Emotion along the journey: ${title}`)}</title>`);

  for (const band of phaseBands(stages)) {
    const x0 = round(PAD.left + band.from * step);
    const w = round((band.to - band.from + 1) * step);
    out.push(
      `<rect class="band band-${svgAttr(band.phase)}" x="${x0}" y="${PAD.top - 18}" width="${w}" height="${plotH + 18}"/>`,
    );
    out.push(`<text class="band-label" x="${round(x0 + 6)}" y="${PAD.top - 6}">${svgText(band.title)}</text>`);
  }
  for (const level of LEVELS) {
    out.push(
      `<line class="${level === 0 ? 'axis' : 'grid'}" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(level)}" y2="${y(level)}"/>`,
    );
    out.push(
      `<text class="level" x="${PAD.left - 8}" y="${y(level) + 4}" text-anchor="end">${level > 0 ? '+' : level < 0 ? '−' : ''}${Math.abs(level)} ${LEVEL_NAMES[level]}</text>`,
    );
  }
  const recorded = stages.flatMap((s, i) => (s.emotion === undefined ? [] : [`${x(i)},${y(s.emotion)}`]));
  if (recorded.length > 1) out.push(`<polyline class="curve" points="${recorded.join(' ')}"/>`);
  stages.forEach((s, i) => {
    const known = s.emotion !== undefined;
    const cls = known ? `point ${s.emotion! < 0 ? 'low' : s.emotion! > 0 ? 'high' : 'mid'}` : 'point unknown';
    out.push(
      `<circle class="${cls}" cx="${x(i)}" cy="${y(s.emotion ?? 0)}" r="6"><title>${svgText(`${s.number}. ${s.name}: ${s.emotionLabel}`)}</title></circle>`,
    );
    out.push(`<text class="stage-number" x="${x(i)}" y="${HEIGHT - 12}" text-anchor="middle">${s.number}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

interface Band {
  phase: string;
  title: string;
  from: number;
  to: number;
}

/** Runs of consecutive stages in one phase (a phase that comes back later starts a new band). */
function phaseBands(stages: readonly StageView[]): Band[] {
  const bands: Band[] = [];
  stages.forEach((s, i) => {
    const last = bands[bands.length - 1];
    if (last && last.phase === s.phase) last.to = i;
    else bands.push({ phase: s.phase, title: s.phaseTitle, from: i, to: i });
  });
  return bands;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
