import { UsageError } from '../errors.js';
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

export interface AnswersOptions {
  /** Display name of the answers file, or "--yes" when there is none. */
  source: string;
  /** --yes: a missing answer takes its default, or a placeholder that says what to write. */
  yes: boolean;
}

type Mapping = Record<string, unknown>;

/**
 * Answers from a mapping (an --answers file, or nothing with --yes), checked by the very
 * validators the prompts use. Any problem is a UsageError naming the field: `goals[1].type: …`.
 */
export class AnswersAsker implements Asker {
  private readonly asked = new Set<string>();
  private readonly inapplicable = new Map<string, string>();

  constructor(
    private readonly options: AnswersOptions,
    private readonly data: Mapping = {},
    private readonly path = '',
  ) {}

  async input(q: InputQuestion): Promise<string | undefined> {
    const raw = this.take(q.name);
    if (isMissing(raw)) {
      const fallback = q.default ?? (this.options.yes ? q.placeholder : undefined);
      if (fallback !== undefined) return this.checked(q.name, fallback, q.validate);
      if (q.optional) return undefined;
      return this.fail(q.name, `missing; ${lowerFirst(q.message)}`);
    }
    return this.checked(q.name, this.text(q.name, raw), q.validate);
  }

  async select<T extends string>(q: SelectQuestion<T>): Promise<T | undefined> {
    const raw = this.take(q.name);
    const values = q.choices.map((c) => c.value);
    if (isMissing(raw)) {
      if (q.default !== undefined) return q.default;
      if (q.optional) return undefined;
      if (this.options.yes && values[0] !== undefined) return values[0];
      return this.fail(q.name, `missing; choose one of ${values.join(', ')}`);
    }
    return this.oneOf(q.name, this.text(q.name, raw), values);
  }

  async checkbox<T extends string>(q: CheckboxQuestion<T>): Promise<T[]> {
    const raw = this.take(q.name);
    const values = q.choices.map((c) => c.value);
    const picked = isMissing(raw)
      ? [...(q.default ?? [])]
      : this.items(q.name, raw).map((item, i) =>
          this.oneOf(`${q.name}[${i}]`, this.text(`${q.name}[${i}]`, item), values),
        );
    const min = q.min ?? 0;
    if (picked.length < min) {
      return this.fail(
        q.name,
        values.length === 0
          ? `needs at least ${min}, but there is nothing to choose from`
          : `give at least ${min} of ${values.join(', ')}`,
      );
    }
    const twice = picked.find((v, i) => picked.indexOf(v) !== i);
    if (twice !== undefined) return this.fail(q.name, `"${twice}" is given twice`);
    return picked;
  }

  async confirm(q: ConfirmQuestion): Promise<boolean> {
    const raw = this.take(q.name);
    if (isMissing(raw)) return q.default;
    if (typeof raw === 'boolean') return raw;
    const word = String(raw).toLowerCase();
    if (word === 'yes' || word === 'true') return true;
    if (word === 'no' || word === 'false') return false;
    return this.fail(q.name, `"${String(raw)}" is not true or false`);
  }

  async texts(q: TextListQuestion): Promise<string[]> {
    const raw = this.take(q.name);
    const values = isMissing(raw)
      ? [...(this.options.yes ? (q.yesValues ?? []) : [])]
      : this.items(q.name, raw).map((item, i) =>
          this.checked(`${q.name}[${i}]`, this.text(`${q.name}[${i}]`, item), q.validate),
        );
    if (values.length < (q.min ?? 0))
      return this.fail(q.name, `give at least ${q.min} ${q.noun}${q.min === 1 ? '' : 's'}`);
    return values;
  }

  async list<T>(q: ListQuestion, item: (ask: Asker, index: number) => Promise<T>): Promise<T[]> {
    const raw = this.take(q.name);
    const entries: Mapping[] = isMissing(raw)
      ? Array.from({ length: this.options.yes ? (q.yesItems ?? q.min ?? 0) : 0 }, () => ({}))
      : this.items(q.name, raw).map((entry, i) => this.mapping(`${q.name}[${i}]`, entry));
    if (entries.length < (q.min ?? 0))
      return this.fail(q.name, `give at least ${q.min} ${q.noun}${q.min === 1 ? '' : 's'}`);
    const results: T[] = [];
    for (const [i, entry] of entries.entries())
      results.push(await this.within(`${q.name}[${i}]`, entry, (ask) => item(ask, i)));
    return results;
  }

  group<T>(name: string, body: (ask: Asker) => Promise<T>): Promise<T> {
    const raw = this.take(name);
    return this.within(name, isMissing(raw) ? {} : this.mapping(name, raw), body);
  }

  async section<T>(q: SectionQuestion, body: (ask: Asker) => Promise<T>): Promise<T | undefined> {
    const raw = this.take(q.name);
    if (isMissing(raw)) return this.options.yes && q.default ? this.within(q.name, {}, body) : undefined;
    return this.within(q.name, this.mapping(q.name, raw), body);
  }

  notApplicable(name: string, why: string): void {
    this.asked.add(name);
    if (!isMissing(this.data[name])) this.inapplicable.set(name, why);
  }

  finish(): void {
    for (const [name, why] of this.inapplicable) this.fail(name, why);
    for (const key of Object.keys(this.data)) {
      if (this.asked.has(key) || key.startsWith('x-')) continue;
      this.fail(
        key,
        `not a known answer here${suggestion(key, [...this.asked])}; known answers: ${[...this.asked].join(', ')}`,
      );
    }
  }

  private async within<T>(name: string, data: Mapping, body: (ask: Asker) => Promise<T>): Promise<T> {
    const child = new AnswersAsker(this.options, data, this.field(name));
    const result = await body(child);
    child.finish();
    return result;
  }

  private take(name: string): unknown {
    this.asked.add(name);
    return this.data[name];
  }

  private field(name: string): string {
    return this.path === '' ? name : `${this.path}.${name}`;
  }

  private fail(name: string, message: string): never {
    throw new UsageError(
      `${this.options.source}: ${this.field(name)}: ${message}`,
      this.options.yes && this.options.source === '--yes'
        ? 'give this answer in a file with --answers <file>'
        : 'correct the answer in the file and run the command again',
    );
  }

  private checked(name: string, text: string, validate: Validate | undefined): string {
    const result = validate ? validate(text) : true;
    return result === true ? text : this.fail(name, result);
  }

  private oneOf<T extends string>(name: string, text: string, values: readonly T[]): T {
    if ((values as readonly string[]).includes(text)) return text as T;
    if (values.length === 0) return this.fail(name, `"${text}" cannot be chosen: there is nothing to choose from`);
    return this.fail(name, `"${text}" is not one of ${values.join(', ')}${suggestion(text, values)}`);
  }

  private text(name: string, raw: unknown): string {
    if (typeof raw === 'string') return raw.trim();
    if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
    return this.fail(name, `expected a single value, found ${Array.isArray(raw) ? 'a list' : 'a mapping'}`);
  }

  private items(name: string, raw: unknown): unknown[] {
    if (Array.isArray(raw)) return raw;
    if (typeof raw === 'string' || typeof raw === 'number') return [raw];
    return this.fail(name, 'expected a list');
  }

  private mapping(name: string, raw: unknown): Mapping {
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) return raw as Mapping;
    return this.fail(
      name,
      `expected a mapping of answers (key: value lines), found ${Array.isArray(raw) ? 'a list' : JSON.stringify(raw)}`,
    );
  }
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\?$/, '');
}
