import path from 'node:path';
import { SettingsError } from '../errors.js';
import type { Settings } from '../workspace/settings.js';
import { resolvePicture } from './picture.js';
import type { Stamp } from './stamp.js';

/** What the layout of every report receives as `report`: the theme and the stamp. */
export interface ReportView {
  stamp: Stamp;
  /** The logo as a data: URI (embedded, so the report stays one file). */
  logo?: { src: string; alt: string };
  preparedFor?: string;
  preparedBy?: string;
  confidentiality?: string;
  /** The theme's colours (#rrggbb, checked by the settings schema and for contrast). */
  colors?: { accent?: string; ink?: string };
}

const MIME: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };

/**
 * The theme of personakit.yaml ready for the templates. The logo gets the checks of a persona
 * picture; one that fails them stops the run (exit 2) at its line in personakit.yaml.
 */
export async function reportView(settings: Settings, stamp: Stamp, workspaceName: string): Promise<ReportView> {
  const theme = settings.theme;
  const view: ReportView = { stamp };
  if (theme.preparedFor !== undefined) view.preparedFor = theme.preparedFor;
  if (theme.preparedBy !== undefined) view.preparedBy = theme.preparedBy;
  if (theme.confidentiality !== undefined) view.confidentiality = theme.confidentiality;
  if (theme.accent !== undefined || theme.text !== undefined) view.colors = { accent: theme.accent, ink: theme.text };
  if (theme.logo !== undefined && settings.file !== undefined && settings.root !== undefined) {
    const alt = `${theme.preparedBy ?? workspaceName} logo`;
    const resolved = await resolvePicture(theme.logo, settings.file, settings.root, alt);
    if (resolved === undefined || !('file' in resolved)) {
      const reason =
        resolved !== undefined && 'missing' in resolved.view
          ? resolved.view.missing
          : 'the logo must be an image file inside the workspace, not a link';
      const where = settings.locate?.('/theme/logo');
      throw new SettingsError(
        `${settings.displayFile ?? path.basename(settings.file)}${where ? `:${where.line}:${where.column}` : ''}: theme.logo: ${reason.replace(/picture/g, 'logo')}`,
        'point theme.logo at a PNG, JPEG, GIF or WebP file inside the workspace, relative to personakit.yaml',
      );
    }
    view.logo = { src: `data:${MIME[resolved.file.ext]};base64,${resolved.file.bytes.toString('base64')}`, alt };
  }
  return view;
}
