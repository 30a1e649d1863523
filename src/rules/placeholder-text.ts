import type { Finding } from '../diagnostic.js';
import { toPointer } from '../load/positions.js';
import { isRecord } from '../model/completeness.js';
import { isPlaceholder, type Placeholders } from '../model/placeholders.js';
import { fieldDescription } from '../schema/field-description.js';
import { humanPath, show } from '../schema/messages.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { findingAt } from './facts.js';
import { defineRule, type DocumentContext } from './rule.js';

export const placeholderText = defineRule({
  id: 'placeholder-text',
  severity: 'warning',
  description:
    'A value is placeholder text (TODO, TBD, TBC, FIXME, XXX, ?, ..., …, or starting with TODO:, TBD:, FIXME: or lorem ipsum; more in `placeholders` of personakit.yaml); it fills no persona heading.',
  help: 'Write the real content the message describes in place of the placeholder, or remove the field until you know it.',
  checkDocument(doc: WorkspaceDocument, context: DocumentContext): Finding[] {
    const findings: Finding[] = [];
    visit(doc.data, [], context.placeholders, (segments, text) => {
      const pointer = toPointer(segments);
      findings.push(findingAt('placeholder-text', doc, pointer, messageFor(doc, pointer, text)));
    });
    return findings;
  },
});

/**
 * Every string value, depth first in document order; the user's own `x-` fields are left alone.
 * `segments` is the path to `value`, one array for the whole walk (copied only for a finding).
 */
function visit(
  value: unknown,
  segments: Array<string | number>,
  placeholders: Placeholders,
  found: (segments: Array<string | number>, text: string) => void,
): void {
  if (typeof value === 'string') {
    if (isPlaceholder(value, placeholders)) found([...segments], value);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      segments.push(i);
      visit(value[i], segments, placeholders, found);
      segments.pop();
    }
  } else if (isRecord(value)) {
    for (const key in value) {
      if (!Object.hasOwn(value, key) || key.startsWith('x-')) continue;
      segments.push(key);
      visit(value[key], segments, placeholders, found);
      segments.pop();
    }
  }
}

function messageFor(doc: WorkspaceDocument, pointer: string, text: string): string {
  const what = `${humanPath(pointer)} is a placeholder (${show(text)})`;
  const description = doc.kind ? fieldDescription(doc.kind, pointer) : undefined;
  if (!description) return `${what}; write the real content here`;
  return `${what}; write ${lowerFirst(description.replace(/\.$/, ''))}`;
}

/** "The goal in plain words" → "the goal in plain words"; "IT manager…" stays as it is. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
