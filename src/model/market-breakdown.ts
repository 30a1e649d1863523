import { fold } from './market-criteria.js';

/** How many accounts of one sector (or region) were listed, and how many of them fit. */
export interface FitGroup {
  /** The value as the market's criteria spell it, else as the first account spelled it; null: not given. */
  label: string | null;
  fitting: number;
  total: number;
}

/**
 * Counts of listed and fitting accounts by one field (sector or region), folded as the criteria
 * compare values (case and spacing ignored), for the market report's charts. Fed while the
 * accounts stream by, so a 100,000-row CSV is counted without being kept.
 */
export class FitBreakdown {
  private readonly groups = new Map<string, FitGroup>();
  private readonly spelling = new Map<string, string>();

  /** `stated`: the criterion's values (their spelling labels the groups). */
  constructor(stated: readonly string[] | undefined) {
    for (const value of stated ?? []) this.spelling.set(fold(value), value);
  }

  add(value: string | undefined, fits: boolean): void {
    const given = value !== undefined && value.trim() !== '';
    const key = given ? fold(value) : '';
    let group = this.groups.get(key);
    if (!group) {
      group = { label: given ? (this.spelling.get(key) ?? value.trim()) : null, fitting: 0, total: 0 };
      this.groups.set(key, group);
    }
    group.total++;
    if (fits) group.fitting++;
  }

  /**
   * The groups, most accounts first (then most fitting, then by name), "not given" last; beyond
   * `limit` the smallest are summed into one group labelled with how many values it holds.
   */
  result(limit = 10): { groups: FitGroup[]; others: number } {
    const all = [...this.groups.values()];
    const given = all
      .filter((g) => g.label !== null)
      .sort((a, b) => b.total - a.total || b.fitting - a.fitting || a.label!.localeCompare(b.label!));
    const missing = all.filter((g) => g.label === null);
    const room = Math.max(1, limit - missing.length);
    if (given.length <= room) return { groups: [...given, ...missing], others: 0 };
    const shown = given.slice(0, room - 1);
    const rest = given.slice(room - 1);
    const other: FitGroup = {
      label: `${rest.length} others`,
      fitting: rest.reduce((n, g) => n + g.fitting, 0),
      total: rest.reduce((n, g) => n + g.total, 0),
    };
    return { groups: [...shown, other, ...missing], others: rest.length };
  }
}
