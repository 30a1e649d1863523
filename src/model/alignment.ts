import { isRecord } from './completeness.js';

/** Journey phases in the order a customer lives them (SPEC 1). */
export const PHASES = ['exposure', 'adoption', 'retention'] as const;
export type Phase = (typeof PHASES)[number];

export interface BuyingStage {
  index: number;
  id: string;
  name: string;
  phase?: Phase;
}

export interface SalesStage {
  index: number;
  id: string;
  name: string;
  /** Buying-stage ids this sales stage aligns with that exist in the journey. */
  alignsWith: string[];
  /** Position of the earliest aligned buying stage, or undefined when none resolve. */
  first?: number;
}

export interface Crossing {
  /** The sales stage that runs ahead of the buyer (its YAML index in sales_stages). */
  sales: number;
  /** The earlier sales stage that already reached a later buying stage. */
  reachedFurther: number;
}

export interface PhaseRegression {
  /** YAML index of the buying stage whose phase goes backwards. */
  stage: number;
  /** The later phase seen before it, at this stage index. */
  after: number;
}

export interface Alignment {
  buyingStages: BuyingStage[];
  salesStages: SalesStage[];
  /** matrix[row][col]: buyingStages[row] is aligned with salesStages[col]. */
  matrix: boolean[][];
  /** YAML indexes of buying stages no sales stage aligns with (empty when the journey has no sales stages). */
  uncovered: number[];
  crossings: Crossing[];
  phasesPresent: Phase[];
  phasesMissing: Phase[];
  phaseRegressions: PhaseRegression[];
  hasSalesStages: boolean;
}

/**
 * The alignment model of a journey: buying stages × sales stages, gaps, crossings and phase
 * coverage. Computed once, used by the rules and the reports. Tolerates schema-invalid input.
 */
export function alignmentOf(journey: unknown): Alignment {
  const data = isRecord(journey) ? journey : {};
  // `index` is the position in the YAML list (pointers use it), even when some items are malformed.
  const buyingStages: BuyingStage[] = recordItems(data.stages).map(([s, index]) => {
    const stage: BuyingStage = {
      index,
      id: str(s.id) ?? `#${index + 1}`,
      name: str(s.name) ?? str(s.id) ?? `stage ${index + 1}`,
    };
    if (isPhase(s.phase)) stage.phase = s.phase;
    return stage;
  });
  const position = new Map<string, number>();
  buyingStages.forEach((b, row) => {
    if (!position.has(b.id)) position.set(b.id, row);
  });

  const hasSalesStages = Array.isArray(data.sales_stages) && data.sales_stages.length > 0;
  const salesStages: SalesStage[] = recordItems(data.sales_stages).map(([s, index]) => {
    const ids = Array.isArray(s.aligns_with)
      ? s.aligns_with.filter((x): x is string => typeof x === 'string' && position.has(x))
      : [];
    const stage: SalesStage = {
      index,
      id: str(s.id) ?? `#${index + 1}`,
      name: str(s.name) ?? str(s.id) ?? `sales stage ${index + 1}`,
      alignsWith: ids,
    };
    // `first` is a row in buyingStages (not a YAML index), so comparisons stay in customer order.
    if (ids.length > 0) stage.first = Math.min(...ids.map((id) => position.get(id)!));
    return stage;
  });

  const matrix = buyingStages.map((b) => salesStages.map((s) => s.alignsWith.includes(b.id)));
  const uncovered = hasSalesStages
    ? buyingStages.filter((_, row) => !matrix[row]!.some(Boolean)).map((b) => b.index)
    : [];

  const crossings: Crossing[] = [];
  let furthest: SalesStage | undefined;
  for (const s of salesStages) {
    if (s.first === undefined) continue;
    if (furthest?.first !== undefined && s.first < furthest.first)
      crossings.push({ sales: s.index, reachedFurther: furthest.index });
    if (furthest?.first === undefined || s.first > furthest.first) furthest = s;
  }

  const phaseRegressions: PhaseRegression[] = [];
  let latest: BuyingStage | undefined;
  for (const b of buyingStages) {
    if (!b.phase) continue;
    if (latest?.phase && rank(b.phase) < rank(latest.phase))
      phaseRegressions.push({ stage: b.index, after: latest.index });
    if (!latest?.phase || rank(b.phase) > rank(latest.phase)) latest = b;
  }
  const present = new Set(buyingStages.map((b) => b.phase).filter((p): p is Phase => p !== undefined));
  return {
    buyingStages,
    salesStages,
    matrix,
    uncovered,
    crossings,
    phasesPresent: PHASES.filter((p) => present.has(p)),
    phasesMissing: PHASES.filter((p) => !present.has(p)),
    phaseRegressions,
    hasSalesStages,
  };
}

function rank(phase: Phase): number {
  return PHASES.indexOf(phase);
}

function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

/** The mapping items of a list with their YAML indexes; anything else (wrong types) is skipped. */
export function recordItems(value: unknown): Array<[Record<string, unknown>, number]> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index): Array<[Record<string, unknown>, number]> =>
    isRecord(item) ? [[item, index]] : [],
  );
}

/** A non-empty string, or undefined for anything else. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
