import { SettingsError } from '../errors.js';

/** `theme:` of personakit.yaml, as the reports use it (logo still a path; render embeds it). */
export interface ThemeSettings {
  /** As written, relative to personakit.yaml. */
  logo?: string;
  accent?: string;
  text?: string;
  preparedFor?: string;
  preparedBy?: string;
  /** YYYY-MM-DD. */
  date?: string;
  confidentiality?: string;
}

export interface RawTheme {
  logo?: string;
  colors?: { accent?: string; text?: string };
  prepared_for?: string;
  prepared_by?: string;
  date?: string;
  confidentiality?: string;
}

/** WCAG AA for body text: what a client's colours must reach against the white page. */
export const MIN_CONTRAST = 4.5;
const PAGE = '#ffffff';

/**
 * The theme of schema-valid settings; a colour too light to read on the page is an error at its
 * position (the schema has already checked the #rrggbb shape).
 */
export function themeSettings(
  raw: RawTheme | undefined,
  displayFile: string,
  locate: (pointer: string) => { line: number; column: number },
): ThemeSettings {
  const theme: ThemeSettings = {};
  if (raw === undefined) return theme;
  for (const key of ['accent', 'text'] as const) {
    const color = raw.colors?.[key];
    if (color === undefined) continue;
    const ratio = contrastRatio(color, PAGE);
    if (ratio < MIN_CONTRAST) {
      const { line, column } = locate(`/theme/colors/${key}`);
      throw new SettingsError(
        `${displayFile}:${line}:${column}: theme.colors.${key} ${color} has a contrast of ${ratio.toFixed(1)}:1 against the white page; text needs at least ${MIN_CONTRAST}:1 to be readable`,
        `choose a darker ${key} colour (e.g. #2c5a8c); https://webaim.org/resources/contrastchecker/ shows the ratio`,
      );
    }
    theme[key] = color;
  }
  if (raw.logo !== undefined) theme.logo = raw.logo;
  if (raw.prepared_for !== undefined) theme.preparedFor = raw.prepared_for;
  if (raw.prepared_by !== undefined) theme.preparedBy = raw.prepared_by;
  if (raw.date !== undefined) theme.date = raw.date;
  if (raw.confidentiality !== undefined) theme.confidentiality = raw.confidentiality;
  return theme;
}

/** WCAG 2 contrast ratio of two #rgb / #rrggbb colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex: string): number {
  const digits = hex.slice(1);
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
