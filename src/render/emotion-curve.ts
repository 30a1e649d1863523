import { svgAttr, svgText } from '../escape/index.js';
import { wrapLines } from './svg-text.js';
import type { StageView } from './views/journey.js';

const TOP = 20;
const LEVEL_GAP = 12;
const NAMES_AT = TOP + 4 * LEVEL_GAP + 18;
const LINE = 11;
const NAME_LINES = 3;
/** The drawing's height in CSS pixels: the same on screen and on paper, whatever the number of stages. */
export const CURVE_HEIGHT = NAMES_AT + (NAME_LINES - 1) * LINE + 4;
const LEVELS = [2, 1, 0, -1, -2];

/**
 * The journey's emotion curve as inline SVG, the emotion lane of the journey map. It spans the
 * map's stage columns, which are of equal width: x positions are percentages of the width (one
 * column per stage, a point at each column's centre), y positions and text sizes are pixels, so
 * the text keeps its size however wide the map is. A point per stage (hollow on the neutral line
 * when the stage records no emotion), the stage's name under it, a diamond where a milestone is
 * reached. Drawn here rather than by a chart library so the report needs no script; every text
 * escaped for SVG.
 */
export function emotionCurveSvg(stages: readonly StageView[], title: string): string {
  const n = stages.length;
  if (n === 0) return '';
  const x = (i: number) => `${round(((i + 0.5) * 100) / n)}%`;
  const edge = (i: number) => `${round((i * 100) / n)}%`;
  const y = (e: number) => TOP + (2 - e) * LEVEL_GAP;
  const out: string[] = [];
  out.push(
    `<svg class="emotion-curve" width="100%" height="${CURVE_HEIGHT}" role="img" aria-labelledby="curve-title" xmlns="http://www.w3.org/2000/svg">`,
  );
  out.push(`<title id="curve-title">${svgText(`Emotion along the journey: ${title}`)}</title>`);
  stages.forEach((s, i) => {
    if (i > 0 && s.phase !== stages[i - 1]!.phase)
      out.push(`<line class="phase-edge" x1="${edge(i)}" x2="${edge(i)}" y1="0" y2="${CURVE_HEIGHT}"/>`);
  });
  for (const level of LEVELS) {
    out.push(`<line class="${level === 0 ? 'axis' : 'grid'}" x1="0" x2="100%" y1="${y(level)}" y2="${y(level)}"/>`);
    out.push(
      `<text class="level" x="3" y="${y(level) - 3}">${level > 0 ? '+' : level < 0 ? '−' : ''}${Math.abs(level)}</text>`,
    );
  }
  // Segments rather than a polyline: a polyline's points cannot be percentages.
  let last: number | undefined;
  stages.forEach((s, i) => {
    if (s.emotion === undefined) return;
    if (last !== undefined)
      out.push(
        `<line class="curve" x1="${x(last)}" y1="${y(stages[last]!.emotion!)}" x2="${x(i)}" y2="${y(s.emotion)}"/>`,
      );
    last = i;
  });
  stages.forEach((s, i) => {
    if (s.milestones.length > 0)
      out.push(
        `<text class="milestone" x="${x(i)}" y="${TOP - 8}" text-anchor="middle">${'◆'.repeat(Math.min(3, s.milestones.length))}<title>${svgText(`Milestone at ${s.name}: ${s.milestones.join('; ')}`)}</title></text>`,
      );
    const known = s.emotion !== undefined;
    const cls = known ? `point ${s.emotion! < 0 ? 'low' : s.emotion! > 0 ? 'high' : 'mid'}` : 'point unknown';
    out.push(
      `<circle class="${svgAttr(cls)}" cx="${x(i)}" cy="${y(s.emotion ?? 0)}" r="5"><title>${svgText(`${s.number}. ${s.name}: ${s.emotionLabel}`)}</title></circle>`,
    );
    const lines = wrapLines(`${s.number}. ${s.name}`, 17, NAME_LINES);
    out.push(
      `<text class="stage-name" x="${x(i)}" y="${NAMES_AT}" text-anchor="middle">${lines
        .map((line, l) => `<tspan x="${x(i)}" dy="${l === 0 ? 0 : LINE}">${svgText(line)}</tspan>`)
        .join('')}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
