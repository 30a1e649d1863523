import type { Diagnostic, Finding } from '../diagnostic.js';
import type { PositionIndex } from '../load/positions.js';
import { suggestion } from '../schema/suggest.js';
import type { RuleMeta } from './types.js';

/**
 * Comment directives (SPEC 5): `# personakit-disable-next-line rule[, rule…] -- reason` silences those
 * rules on the next line; `# personakit-disable rule -- reason` above a document's first field
 * silences them for the whole document. Directives that silence nothing are `unused-disable`.
 */
export const unusedDisable: RuleMeta = {
  id: 'unused-disable',
  severity: 'warning',
  description:
    "A `personakit-disable` comment that silenced nothing, names an unknown rule, or is misplaced; or an entry of a market's `accepted_misfits` that names no listed misfit (reported even when account-misfit is off).",
  help: 'Remove the comment (or the rule from it) once the problem it silenced is fixed; check the rule id against `personakit check --list-rules`. yaml-syntax, schema and duplicate-id cannot be disabled. Remove an accepted_misfits entry whose account now fits or is no longer listed.',
};

const NEXT_LINE = 'personakit-disable-next-line';
const DOCUMENT = 'personakit-disable';
const COMMENT = /(?:^|\s)#\s*(personakit-disable[\w-]*)(.*)$/;

interface Directive {
  kind: 'next-line' | 'document';
  line: number;
  column: number;
  endColumn: number;
  /** The document a whole-document directive covers. */
  docIndex: number;
  rules: string[];
}

/** A diagnostic together with the finding it came from (which knows its document). */
export interface Resolved {
  finding: Finding;
  diagnostic: Diagnostic;
}

/**
 * Drop the diagnostics of one file that directives silence. Returns what is kept and, when
 * `reportUnused` (in `check`, where every rule ran), the unused-disable findings.
 */
export function applyDirectives(
  file: string,
  index: PositionIndex,
  items: Resolved[],
  rules: readonly RuleMeta[],
  reportUnused: boolean,
): { kept: Resolved[]; unused: Finding[] } {
  const problems: Finding[] = [];
  const problem = (d: Pick<Directive, 'line' | 'column' | 'endColumn'>, message: string) =>
    problems.push({
      rule: unusedDisable.id,
      file,
      line: d.line,
      column: d.column,
      endLine: d.line,
      endColumn: d.endColumn,
      message,
    });
  const known = new Map(rules.map((r) => [r.id, r]));
  const directives: Directive[] = [];
  for (const found of scan(index)) {
    if (found.name !== NEXT_LINE && found.name !== DOCUMENT) {
      problem(
        found,
        `unknown directive "${found.name}"${suggestion(found.name, [NEXT_LINE, DOCUMENT])}; use ${NEXT_LINE} or ${DOCUMENT}`,
      );
      continue;
    }
    if (found.name === DOCUMENT && !found.atTop) {
      problem(
        found,
        `${DOCUMENT} applies to a whole document and must come before its first field; move it to the top of the document, or use ${NEXT_LINE}`,
      );
      continue;
    }
    if (found.rules.length === 0) {
      problem(
        found,
        `${found.name} names no rule; list the rules to silence, e.g. "# ${found.name} touchpoint-missing -- reason"`,
      );
      continue;
    }
    const usable = found.rules.filter((rule) => {
      const meta = known.get(rule);
      if (!meta)
        problem(
          found,
          `unknown rule "${rule}" in ${found.name}${suggestion(rule, [...known.keys()])}; see personakit check --list-rules`,
        );
      else if (meta.mandatory)
        problem(
          found,
          `"${rule}" cannot be disabled: yaml-syntax, schema and duplicate-id always apply; fix the problem instead`,
        );
      return meta !== undefined && !meta.mandatory;
    });
    directives.push({ ...found, kind: found.name === NEXT_LINE ? 'next-line' : 'document', rules: usable });
  }

  const used = new Set<string>();
  const kept = items.filter(({ finding, diagnostic }) => {
    const docIndex = finding.docIndex ?? 0;
    const silencer = directives.findIndex(
      (d) =>
        d.rules.includes(diagnostic.rule) &&
        (d.kind === 'next-line' ? diagnostic.line === d.line + 1 : d.docIndex === docIndex),
    );
    if (silencer < 0 || known.get(diagnostic.rule)?.mandatory) return true;
    used.add(`${silencer}\u0000${diagnostic.rule}`);
    return false;
  });
  if (!reportUnused) return { kept, unused: [] };
  directives.forEach((d, i) => {
    for (const rule of d.rules) {
      if (used.has(`${i}\u0000${rule}`)) continue;
      const where = d.kind === 'next-line' ? `on line ${d.line + 1}` : 'in this document';
      problem(d, `"${rule}" is disabled here but nothing ${where} triggers it; remove it from the comment`);
    }
  });
  return { kept, unused: problems };
}

interface FoundDirective {
  name: string;
  rules: string[];
  line: number;
  column: number;
  endColumn: number;
  docIndex: number;
  /** Above the first field of its document. */
  atTop: boolean;
}

/** Every directive comment of a file, with the document it sits in. */
function scan(index: PositionIndex): FoundDirective[] {
  const docs = index
    .documentLines()
    .map((range, docIndex) => ({ ...range, docIndex, contentLine: index.locate(docIndex, '').line }));
  const found: FoundDirective[] = [];
  index.text.split('\n').forEach((text, i) => {
    const match = COMMENT.exec(text);
    if (!match) return;
    const line = i + 1;
    const column = match.index + text.slice(match.index).indexOf('#') + 1;
    const doc =
      docs.find((d) => line >= d.startLine && line <= d.endLine) ??
      docs.find((d) => line < d.contentLine) ??
      docs.at(-1);
    const rest = match[2]!;
    const dash = rest.search(/(?:^|\s)--(?:\s|$)/);
    const list = dash >= 0 ? rest.slice(0, dash) : rest;
    found.push({
      name: match[1]!,
      rules: list.split(/[\s,]+/).filter(Boolean),
      line,
      column,
      endColumn: text.replace(/\r$/, '').length + 1,
      docIndex: doc?.docIndex ?? 0,
      atTop: doc !== undefined && line < doc.contentLine,
    });
  });
  return found;
}
