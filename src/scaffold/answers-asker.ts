import { suggestion } from '../schema/suggest.js';
import type {
  Asker,
  CheckboxQuestion,
  ConfirmQuestion,
  InputQuestion,
  ListQuestion,
  SectionQuestion,
  SelectQuestion,
  TextListQuestion,
  Validate,
} from './questions.js';
import type { Kind } from '../schema/names.js';
import { AnswerProblems, type AnswerPath, type Locate } from './answer-problems.js';

export interface AnswersOptions {
  /** Display name of the answers file, or "--yes" when there is none. */
  source: string;
  /** --yes: a missing answer takes its default, or a placeholder that says what to write. */
  yes: boolean;
}

type Mapping = Record<string, unknown>;

/**
 * Answers from a mapping (an --answers file, or nothing with --yes), checked by the very
 * validators the prompts use. A wrong answer does not stop the flow: it is noted (`problems`)
 * and the flow goes on with the answer as given, so that one run reports every problem and a
 * wrong answer causes no further ones. Where a structure is wrong (a list where a mapping
 * belongs), the questions inside it are still asked, of nothing, without noting anything.
 */
export class AnswersAsker implements Asker {
  private readonly asked = new Set<string>();
  private readonly inapplicable = new Map<string, string>();

  constructor(
    private readonly options: AnswersOptions,
    private readonly data: Mapping = {},
    private readonly path: AnswerPath = [],
    readonly problems: AnswerProblems = new AnswerProblems(options.source, options.yes),
  ) {}

  async input(q: InputQuestion): Promise<string | undefined> {
    const raw = this.take(q.name);
    if (isMissing(raw)) {
      const fallback = q.default ?? (this.options.yes ? q.placeholder : undefined);
      if (fallback !== undefined) return this.checked([q.name], fallback, q.validate);
      if (!q.optional) this.fail([q.name], `missing; ${lowerFirst(q.message)}`);
      return undefined;
    }
    const text = this.text([q.name], raw);
    return text === undefined ? undefined : this.checked([q.name], text, q.validate);
  }

  async select<T extends string>(q: SelectQuestion<T>): Promise<T | undefined> {
    const raw = this.take(q.name);
    const values = q.choices.map((c) => c.value);
    if (isMissing(raw)) {
      if (q.default !== undefined) return q.default;
      if (q.optional) return undefined;
      if (this.options.yes && values[0] !== undefined) return values[0];
      this.fail([q.name], `missing; choose one of ${values.join(', ')}`);
      return undefined;
    }
    const text = this.text([q.name], raw);
    return text === undefined ? undefined : this.oneOf([q.name], text, values);
  }

  async checkbox<T extends string>(q: CheckboxQuestion<T>): Promise<T[]> {
    const raw = this.take(q.name);
    const values = q.choices.map((c) => c.value);
    const items = isMissing(raw) ? undefined : this.items([q.name], raw);
    if (items === null) return [];
    const picked: T[] = [];
    if (items === undefined) picked.push(...(q.default ?? []));
    for (const [i, item] of (items ?? []).entries()) {
      const text = this.text([q.name, i], item);
      if (text !== undefined) picked.push(this.oneOf([q.name, i], text, values));
    }
    const min = q.min ?? 0;
    // A wrong item is reported where it is, not again as "too few".
    if ((items?.length ?? picked.length) < min) {
      this.fail(
        [q.name],
        values.length === 0
          ? `needs at least ${min}, but there is nothing to choose from`
          : `give at least ${min} of ${values.join(', ')}`,
      );
    }
    const twice = picked.findIndex((v, i) => picked.indexOf(v) !== i);
    if (twice >= 0) this.fail([q.name, twice], `"${picked[twice]}" is given twice`);
    return picked;
  }

  async confirm(q: ConfirmQuestion): Promise<boolean> {
    const raw = this.take(q.name);
    if (isMissing(raw)) return q.default;
    if (typeof raw === 'boolean') return raw;
    const word = String(raw).toLowerCase();
    if (word === 'yes' || word === 'true') return true;
    if (word === 'no' || word === 'false') return false;
    this.fail([q.name], `${describe(raw)} is not true or false`);
    return q.default;
  }

  async texts(q: TextListQuestion): Promise<string[]> {
    const raw = this.take(q.name);
    const items = isMissing(raw) ? undefined : this.items([q.name], raw);
    if (items === null) return [];
    const values: string[] = items === undefined ? [...(this.options.yes ? (q.yesValues ?? []) : [])] : [];
    for (const [i, item] of (items ?? []).entries()) {
      const text = this.text([q.name, i], item);
      if (text !== undefined) values.push(this.checked([q.name, i], text, q.validate));
    }
    if ((items?.length ?? values.length) < (q.min ?? 0))
      this.fail([q.name], `give at least ${q.min} ${q.noun}${q.min === 1 ? '' : 's'}`);
    return values;
  }

  async list<T>(q: ListQuestion, item: (ask: Asker, index: number) => Promise<T>): Promise<T[]> {
    const raw = this.take(q.name);
    const items = isMissing(raw)
      ? Array.from({ length: this.options.yes ? (q.yesItems ?? q.min ?? 0) : 0 }, () => ({}))
      : this.items([q.name], raw);
    if (items === null) return [];
    if (items.length < (q.min ?? 0)) this.fail([q.name], `give at least ${q.min} ${q.noun}${q.min === 1 ? '' : 's'}`);
    const results: T[] = [];
    for (const [i, entry] of items.entries()) {
      const mapping = this.mapping([q.name, i], entry);
      results.push(await this.within([q.name, i], mapping ?? {}, (ask) => item(ask, i), mapping === undefined));
    }
    return results;
  }

  group<T>(name: string, body: (ask: Asker) => Promise<T>): Promise<T> {
    const raw = this.take(name);
    const mapping = isMissing(raw) ? {} : this.mapping([name], raw);
    return this.within([name], mapping ?? {}, body, mapping === undefined);
  }

  async section<T>(q: SectionQuestion, body: (ask: Asker) => Promise<T>): Promise<T | undefined> {
    const raw = this.take(q.name);
    if (isMissing(raw)) return this.options.yes && q.default ? this.within([q.name], {}, body) : undefined;
    const mapping = this.mapping([q.name], raw);
    return this.within([q.name], mapping ?? {}, body, mapping === undefined);
  }

  asIs(name: string): unknown {
    const raw = this.take(name);
    if (raw === undefined || raw === null) return undefined;
    this.problems.schemaChecked([...this.path, name]);
    return structuredClone(raw);
  }

  given(name: string): boolean {
    return !isMissing(this.data[name]);
  }

  notApplicable(name: string, why: string): void {
    this.asked.add(name);
    if (!isMissing(this.data[name])) this.inapplicable.set(name, why);
  }

  finish(): void {
    for (const [name, why] of this.inapplicable) this.fail([name], why, 'key');
    for (const key of Object.keys(this.data)) {
      if (this.asked.has(key) || key.startsWith('x-')) continue;
      this.problems.add({
        path: [...this.path, key],
        at: 'key',
        unknown: true,
        message: `not a known answer here${suggestion(key, [...this.asked])}; known answers: ${[...this.asked].join(', ')}`,
      });
    }
  }

  /** The document's own `x-` keys, which the schema allows on every mapping and the flows do not ask for. */
  extensions(): Mapping {
    return Object.fromEntries(Object.entries(this.data).filter(([key]) => key.startsWith('x-')));
  }

  private async within<T>(
    path: AnswerPath,
    data: Mapping,
    body: (ask: Asker) => Promise<T>,
    muted = false,
  ): Promise<T> {
    // A muted scope stands in for a wrong structure already reported: what it finds is a consequence.
    const child = new AnswersAsker(
      this.options,
      data,
      [...this.path, ...path],
      muted ? new AnswerProblems(this.options.source, this.options.yes) : this.problems,
    );
    const result = await body(child);
    child.finish();
    return isPlainObject(result) ? ({ ...result, ...child.extensions() } as T) : result;
  }

  private take(name: string): unknown {
    this.asked.add(name);
    return this.data[name];
  }

  private fail(path: AnswerPath, message: string, at: 'key' | 'value' = 'value'): void {
    this.problems.add({ path: [...this.path, ...path], message, at });
  }

  /** The answer as given; a problem is noted when the validator refuses it. */
  private checked(path: AnswerPath, text: string, validate: Validate | undefined): string {
    const result = validate ? validate(text) : true;
    if (result !== true) this.fail(path, result);
    return text;
  }

  private oneOf<T extends string>(path: AnswerPath, text: string, values: readonly T[]): T {
    if ((values as readonly string[]).includes(text)) return text as T;
    if (values.length === 0) this.fail(path, `"${text}" cannot be chosen: there is nothing to choose from`);
    else this.fail(path, `"${text}" is not one of ${values.join(', ')}${suggestion(text, values)}`);
    return text as T;
  }

  private text(path: AnswerPath, raw: unknown): string | undefined {
    if (typeof raw === 'string') return raw.trim();
    if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
    this.fail(path, `expected a single value, found ${Array.isArray(raw) ? 'a list' : 'a mapping'}`);
    return undefined;
  }

  /** The answer as a list (a single value is a list of one); null when it cannot be one. */
  private items(path: AnswerPath, raw: unknown): unknown[] | null {
    if (Array.isArray(raw)) return raw;
    if (typeof raw === 'string' || typeof raw === 'number') return [raw];
    this.fail(path, 'expected a list');
    return null;
  }

  private mapping(path: AnswerPath, raw: unknown): Mapping | undefined {
    if (isPlainObject(raw)) return raw;
    this.fail(path, `expected a mapping of answers (key: value lines), found ${describe(raw)}`);
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function describe(raw: unknown): string {
  return Array.isArray(raw) ? 'a list' : JSON.stringify(raw);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\?$/, '');
}

/**
 * A document from answers: the flow run on them, the answers file's own `x-` keys kept, and
 * every problem found reported in one UsageError (see AnswerProblems.assertNone).
 */
export async function documentFromAnswers(
  kind: Kind,
  flow: (ask: Asker) => Promise<Mapping>,
  ask: AnswersAsker,
  locate?: Locate,
): Promise<Mapping> {
  const data = { ...(await flow(ask)), ...ask.extensions() };
  ask.problems.assertNone(kind, data, locate);
  return data;
}
