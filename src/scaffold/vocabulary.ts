import { pointerSegments } from '../load/positions.js';
import { readSchema, type Kind } from '../schema/compile.js';
import type { Choice } from './questions.js';

/**
 * The SPEC's vocabularies (goal types, channels, phases…), read from the JSON Schemas so the
 * prompts can never offer a value the schema would refuse.
 */
export function vocabulary(kind: Kind, pointer: string): string[] {
  let node: unknown = readSchema(kind);
  for (const segment of pointerSegments(pointer)) node = (node as Record<string, unknown> | undefined)?.[segment];
  const values = (node as { enum?: unknown } | undefined)?.enum;
  if (!Array.isArray(values)) throw new Error(`no enum at ${kind}.schema.json#${pointer}`);
  return values.map(String);
}

export function choicesOf(values: readonly string[]): Choice[] {
  return values.map((value) => ({ value }));
}

const item = (list: string) => `/properties/${list}/items/properties`;

export const PERSONA_VOCABULARY = {
  audience: () => vocabulary('persona', '/properties/audience'),
  roles: () => vocabulary('persona', '/properties/roles/items'),
  goalTypes: () => vocabulary('persona', `${item('goals')}/type`),
  challengeTypes: () => vocabulary('persona', `${item('challenges')}/type`),
  hangoutTypes: () => vocabulary('persona', `${item('hangouts')}/type`),
  objectionTypes: () => vocabulary('persona', `${item('objections')}/type`),
  themes: () => vocabulary('persona', `${item('messages')}/theme`),
  frequency: () => vocabulary('persona', '/properties/behaviour/properties/frequency'),
  intent: () => vocabulary('persona', '/properties/behaviour/properties/intent/items'),
  channels: () => vocabulary('persona', '/$defs/channel'),
  evidenceSources: () => vocabulary('persona', `${item('evidence')}/source`),
};

export const JOURNEY_VOCABULARY = {
  phases: () => vocabulary('journey', `${item('stages')}/phase`),
  touchpointChannels: () => vocabulary('journey', `${item('stages')}/touchpoints/items/properties/channel`),
};

export const MARKET_VOCABULARY = {
  incumbent: () => vocabulary('market', '/properties/criteria/properties/incumbent'),
  scoredCriteria: () => vocabulary('market', '/properties/fit/properties/required/items'),
  /** Not an enum in the schema (any text fits); these are the SPEC's examples. */
  growthStages: () => ['start-up', 'scale-up', 'mature', 'declining'],
};
