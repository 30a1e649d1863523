import { completenessOf, type Heading } from '../../model/completeness.js';
import type { Placeholders } from '../../model/placeholders.js';
import { httpsUrl, labelOf, record, records, text, texts } from '../values.js';
import type { DocHeader, Ref } from './common.js';

/** Where the persona's picture ended up: copied next to the report, a link, or why it is missing. */
export type PictureView =
  { src: string; alt: string } | { url: string; alt: string } | { missing: string; alt: string };

export interface HeadingView {
  key: Heading['key'];
  number: number;
  title: string;
  filled: boolean;
  /** The YAML key to add to fill the gap, and what goes under it. */
  field: string;
  hint: string;
}

const ABOUT_FIELDS = [
  'age',
  'gender',
  'education',
  'family',
  'location',
  'job_title',
  'experience',
  'occupation',
] as const;
const ROLE_ORDER = ['decision-maker', 'budget-holder', 'influencer', 'user', 'gatekeeper', 'other'];

/**
 * How many of each list the one-page card shows: the first ones, in the order of the file (the
 * author's priority); the rest follow in the details. Enough for a whole persona of the usual size,
 * few enough for the card to fit an A4 page and a 16:9 slide whatever the lists hold.
 */
export const CARD_LIMITS = { goals: 4, challenges: 4, objections: 3, messages: 3 } as const;

/** How to fill a gap: the YAML key to add and what to put under it. */
const HINTS: Record<Heading['key'], string> = {
  about: 'with at least one of age, job_title, experience, location…',
  personality: 'with traits or communication preferences.',
  goals: 'with commercial, personal and emotional goals, each with an id.',
  challenges: 'with their resources, politics, regulation and competition challenges.',
  hangouts: 'with the places where they get their information.',
  value: 'with what we do for them, naming the goals and challenges it addresses.',
  objections: 'with what stops them buying, and our response.',
  messages: 'with the themes that speak to them (productivity, cost, risk…).',
};

export function personaView(
  header: DocHeader,
  data: Record<string, unknown>,
  picture: PictureView | undefined,
  journeys: Ref[],
  placeholders?: Placeholders,
) {
  const completeness = completenessOf(data, placeholders);
  const headingList: HeadingView[] = completeness.headings.map((h, i) => ({
    key: h.key,
    number: i + 1,
    title: labelOf(h.label),
    filled: h.filled,
    field: h.key,
    hint: HINTS[h.key],
  }));
  const headings = Object.fromEntries(headingList.map((h) => [h.key, h])) as Record<Heading['key'], HeadingView>;
  const about = record(data.about);
  const personality = record(data.personality);
  const behaviour = record(data.behaviour);
  const goals = items(data.goals, 'type');
  const challenges = items(data.challenges, 'type');
  const targets = new Map<string, { text: string; of: 'goal' | 'challenge' }>([
    ...goals.map((g) => [g.id, { text: g.text, of: 'goal' as const }] as const),
    ...challenges.map((c) => [c.id, { text: c.text, of: 'challenge' as const }] as const),
  ]);
  const roles = texts(data.roles).sort((a, b) => rank(a) - rank(b));
  const objections = records(data.objections).map((o) => ({
    text: text(o.text) ?? '',
    type: optionalLabel(o.type),
    response: text(o.response),
  }));
  const messages = records(data.messages).map((m) => ({
    theme: optionalLabel(m.theme) ?? 'Message',
    text: text(m.text) ?? '',
    channels: texts(m.channels).map(labelOf),
  }));
  const lists = { goals, challenges, objections, messages };
  const evidence = records(data.evidence)
    .map((e) => ({
      source: text(e.source) ?? 'other',
      sourceLabel: labelOf(text(e.source) ?? 'other'),
      date: text(e.date),
      note: text(e.note),
    }))
    // Newest first. Code-point order: the same on every machine (localeCompare follows the locale, and is slow).
    .sort((a, b) => byCodePoint(b.date ?? '', a.date ?? ''));
  const behaviourView = {
    frequency: optionalLabel(behaviour.frequency),
    intent: texts(behaviour.intent).map(labelOf),
    channels: texts(behaviour.channels).map(labelOf),
    motivations: texts(behaviour.motivations),
    emotions: texts(behaviour.emotions),
  };
  return {
    doc: header,
    name: header.name,
    initials: initialsOf(header.name),
    tagline: text(data.tagline),
    audience: optionalLabel(data.audience),
    roles: roles.map((id) => ({ id, label: labelOf(id) })),
    jobTitle: text(about.job_title),
    picture,
    completeness: {
      percent: completeness.percent,
      filled: completeness.filled,
      total: completeness.total,
      missing: completeness.missing,
    },
    headings,
    headingList,
    about: ABOUT_FIELDS.flatMap((key) => {
      const value = text(about[key]);
      return value === undefined ? [] : [{ key, label: labelOf(key), value }];
    }),
    personality: { traits: texts(personality.traits), communication: texts(personality.communication) },
    goals,
    challenges,
    hangouts: records(data.hangouts).map((h) => ({
      name: text(h.name) ?? '(unnamed)',
      type: optionalLabel(h.type),
      url: httpsUrl(h.url),
    })),
    value: records(data.value).map((v) => ({
      text: text(v.text) ?? '',
      addresses: texts(v.addresses).map((id) => {
        const target = targets.get(id);
        return { id, text: target?.text ?? id, of: target?.of ?? 'unknown' };
      }),
    })),
    objections,
    messages,
    /** The card's share of each list, and what the details add after it. */
    card: splitLists(lists, 0),
    more: splitLists(lists, 1),
    // Written out rather than spread: a spread per persona is a slow object copy in cold code.
    behaviour: {
      frequency: behaviourView.frequency,
      intent: behaviourView.intent,
      channels: behaviourView.channels,
      motivations: behaviourView.motivations,
      emotions: behaviourView.emotions,
      any:
        behaviourView.frequency !== undefined ||
        behaviourView.intent.length > 0 ||
        behaviourView.channels.length > 0 ||
        behaviourView.motivations.length > 0 ||
        behaviourView.emotions.length > 0,
    },
    evidence,
    newestEvidence: evidence.find((e) => e.date !== undefined)?.date,
    journeys,
  };
}

export type PersonaView = ReturnType<typeof personaView>;

/** What the cards page (cards.html) needs of a persona: its card, and where its full report is. */
export function personaCardView(view: PersonaView) {
  return {
    doc: view.doc,
    href: view.doc.href,
    name: view.name,
    initials: view.initials,
    tagline: view.tagline,
    audience: view.audience,
    roles: view.roles,
    jobTitle: view.jobTitle,
    picture: view.picture,
    completeness: view.completeness,
    headings: view.headings,
    card: view.card,
  };
}

export type PersonaCardView = ReturnType<typeof personaCardView>;

/** Part 0 (the card's first items) or part 1 (the rest) of each list. */
function splitLists<T extends Record<keyof typeof CARD_LIMITS, readonly unknown[]>>(lists: T, part: 0 | 1): T {
  const out = { ...lists };
  for (const key of Object.keys(CARD_LIMITS) as (keyof typeof CARD_LIMITS)[]) {
    const list = lists[key];
    out[key] = (part === 0 ? list.slice(0, CARD_LIMITS[key]) : list.slice(CARD_LIMITS[key])) as T[typeof key];
  }
  return out;
}

function items(value: unknown, typeKey: string) {
  return records(value).map((item, i) => ({
    id: text(item.id) ?? `#${i + 1}`,
    type: optionalLabel(item[typeKey]),
    text: text(item.text) ?? '',
  }));
}

function optionalLabel(value: unknown): string | undefined {
  const t = text(value);
  return t === undefined ? undefined : labelOf(t);
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rank(role: string): number {
  const i = ROLE_ORDER.indexOf(role);
  return i < 0 ? ROLE_ORDER.length : i;
}

export function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  return (
    words
      .slice(0, 2)
      .map((w) => String.fromCodePoint(w.codePointAt(0)!).toUpperCase())
      .join('') || '?'
  );
}
