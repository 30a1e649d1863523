import { mermaidLabel } from '../escape/index.js';
import type { StageView } from './views/journey.js';

/**
 * A Mermaid `journey` diagram of the stages, for Markdown reports (the forges draw it).
 * Emotion −2 … 2 maps to Mermaid's scores 1 … 5; a stage without emotion sits at 3 (neutral).
 * Sections follow the stages in order, so a phase that comes back later gets its own section.
 */
export function mermaidJourney(title: string, stages: readonly StageView[]): string {
  const lines = ['journey', `  title ${mermaidLabel(title) || 'Journey'}`];
  let phase: string | undefined;
  for (const stage of stages) {
    if (stage.phase !== phase) {
      phase = stage.phase;
      lines.push(`  section ${mermaidLabel(stage.phaseTitle)}`);
    }
    const name = mermaidLabel(`${stage.number}. ${stage.name}`);
    lines.push(`    ${name}: ${(stage.emotion ?? 0) + 3}`);
  }
  return lines.join('\n');
}
