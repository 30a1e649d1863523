import { alignmentOf, PHASES } from '../../model/alignment.js';
import { labelOf, num, record, records, text, texts } from '../values.js';
import type { DocHeader, Ref } from './common.js';

const PHASE_INFO: Record<string, { title: string; subtitle: string }> = {
  exposure: { title: 'Exposure', subtitle: 'suspect → prospect' },
  adoption: { title: 'Adoption', subtitle: 'prospect → customer' },
  retention: { title: 'Retention', subtitle: 'customer → advocate' },
  none: { title: 'No phase', subtitle: 'stages without a valid phase' },
};

const EMOTION_WORDS = ['very negative', 'negative', 'neutral', 'positive', 'very positive'];

export interface StageView {
  number: number;
  id: string;
  name: string;
  phase: string;
  phaseTitle: string;
  goal?: string;
  questions: string[];
  /** −2 … 2, or undefined when the stage records none. */
  emotion?: number;
  emotionLabel: string;
  /** `high` above 0, `low` below, `mid` at 0, `none` when not recorded (for CSS classes). */
  emotionTone: 'high' | 'mid' | 'low' | 'none';
  message?: string;
  touchpoints: Array<{ channel: string; description?: string; owner?: string }>;
  /** No sales stage aligns with it (only when the journey has sales stages). */
  uncovered: boolean;
  /** The sales stages that serve it, by name (the journey map's bottom lane). */
  salesStages: string[];
  /** The triggers of the milestones reached at this stage. */
  milestones: string[];
}

export function journeyView(header: DocHeader, data: Record<string, unknown>, personas: Ref[]) {
  const alignment = alignmentOf(data);
  const uncovered = new Set(alignment.uncovered);
  const raw = Array.isArray(data.stages) ? data.stages : [];
  const stages: StageView[] = alignment.buyingStages.map((b, row) => {
    const s = record(raw[b.index]);
    const emotion = emotionOf(s.emotion);
    const phase = b.phase ?? 'none';
    return {
      number: row + 1,
      id: b.id,
      name: b.name,
      phase,
      phaseTitle: PHASE_INFO[phase]!.title,
      goal: text(s.goal),
      questions: texts(s.questions),
      emotion,
      emotionTone: emotion === undefined ? 'none' : emotion > 0 ? 'high' : emotion < 0 ? 'low' : 'mid',
      emotionLabel: emotion === undefined ? 'not recorded' : `${signed(emotion)} (${EMOTION_WORDS[emotion + 2]})`,
      message: text(s.message),
      touchpoints: records(s.touchpoints).map((t) => ({
        channel: labelOf(text(t.channel) ?? 'other'),
        description: text(t.description),
        owner: text(t.owner),
      })),
      uncovered: uncovered.has(b.index),
      salesStages: [],
      milestones: [],
    };
  });
  const phases = [...PHASES, 'none' as const]
    .map((id) => ({ id, ...PHASE_INFO[id]!, stages: stages.filter((s) => s.phase === id) }))
    .filter((p) => p.stages.length > 0);

  const crossing = new Map(alignment.crossings.map((c) => [c.sales, c.reachedFurther]));
  const salesRaw = Array.isArray(data.sales_stages) ? data.sales_stages : [];
  const nameAt = (index: number) =>
    alignment.salesStages.find((s) => s.index === index)?.name ?? `sales stage ${index + 1}`;
  const columns = alignment.salesStages.map((s, col) => {
    const further = crossing.get(s.index);
    const rawStage = record(salesRaw[s.index]);
    return {
      number: col + 1,
      id: s.id,
      name: s.name,
      owner: text(rawStage.owner),
      activities: texts(rawStage.activities),
      exitCriteria: texts(rawStage.exit_criteria),
      alignsWith: s.alignsWith.map((id) => stages.find((st) => st.id === id)?.name ?? id),
      crossing: further !== undefined,
      reachedFurther: further === undefined ? undefined : nameAt(further),
    };
  });
  const rows = stages.map((stage, row) => ({
    stage,
    cells: columns.map((column, col) => ({
      aligned: alignment.matrix[row]![col]!,
      crossing: column.crossing && alignment.matrix[row]![col]!,
      column,
    })),
  }));
  rows.forEach((row) => {
    row.stage.salesStages = row.cells.filter((c) => c.aligned).map((c) => c.column.name);
  });
  const stageName = new Map(stages.map((s) => [s.id, s.name]));
  const milestones = records(data.milestones).map((m, i) => {
    const celebrate = record(m.celebrate);
    const stageId = text(m.stage);
    const trigger = text(m.trigger) ?? '';
    if (stageId !== undefined && trigger !== '') stages.find((s) => s.id === stageId)?.milestones.push(trigger);
    return {
      id: text(m.id) ?? `#${i + 1}`,
      stage: stageId === undefined ? undefined : (stageName.get(stageId) ?? stageId),
      trigger,
      celebrate:
        text(celebrate.message) === undefined && text(celebrate.channel) === undefined
          ? undefined
          : { channel: text(celebrate.channel), message: text(celebrate.message) },
    };
  });
  return {
    doc: header,
    name: header.name,
    personas,
    stages,
    phases,
    mapPhases: phaseRuns(stages),
    phasesMissing: alignment.phasesMissing.map((p) => PHASE_INFO[p]!.title),
    emotionsRecorded: stages.some((s) => s.emotion !== undefined),
    alignment: {
      hasSalesStages: alignment.hasSalesStages,
      columns,
      rows,
      gaps: stages.filter((s) => s.uncovered).map((s) => s.name),
      crossings: columns.filter((c) => c.crossing).map((c) => ({ sales: c.name, reachedFurther: c.reachedFurther })),
      cellCount: stages.length * columns.length,
    },
    milestones,
    celebratedCount: milestones.filter((m) => m.celebrate).length,
  };
}

export type JourneyView = ReturnType<typeof journeyView>;

/** Runs of consecutive stages in one phase: the journey map's phase headers (a phase that comes back starts a new run). */
export function phaseRuns(
  stages: readonly StageView[],
): Array<{ id: string; title: string; span: number; from: number }> {
  const runs: Array<{ id: string; title: string; span: number; from: number }> = [];
  stages.forEach((s, i) => {
    const last = runs[runs.length - 1];
    if (last && last.id === s.phase) last.span++;
    else runs.push({ id: s.phase, title: s.phaseTitle, span: 1, from: i });
  });
  return runs;
}

/** Emotion is an integer −2 … 2; anything else (only possible with --force) counts as not recorded. */
function emotionOf(value: unknown): number | undefined {
  const n = num(value);
  return n !== undefined && Number.isInteger(n) && n >= -2 && n <= 2 ? n : undefined;
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}
