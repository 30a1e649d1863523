import type {
  Asker,
  CheckboxQuestion,
  ConfirmQuestion,
  InputQuestion,
  ListQuestion,
  Prompter,
  SectionQuestion,
  SelectQuestion,
  TextListQuestion,
  Validate,
} from './questions.js';

/** Asks each question at the terminal through a Prompter; invalid answers are re-asked by the prompt itself. */
export class PromptAsker implements Asker {
  constructor(private readonly prompter: Prompter) {}

  async input(q: InputQuestion): Promise<string | undefined> {
    const options: Parameters<Prompter['input']>[0] = {
      message: q.optional && q.default === undefined ? `${q.message} (Enter to skip)` : q.message,
      validate: (raw) => checkText(raw, q.validate, Boolean(q.optional || q.default !== undefined)),
    };
    if (q.default !== undefined) options.default = q.default;
    const text = (await this.prompter.input(options)).trim();
    return text === '' ? (q.default ?? undefined) : text;
  }

  async select<T extends string>(q: SelectQuestion<T>): Promise<T | undefined> {
    const choices = q.optional ? [...q.choices, { value: '' as T, name: '(none)' }] : q.choices;
    const options: Parameters<Prompter['select']>[0] = { message: q.message, choices };
    if (q.default !== undefined) options.default = q.default;
    const value = (await this.prompter.select(options)) as T;
    return value === '' ? undefined : value;
  }

  async checkbox<T extends string>(q: CheckboxQuestion<T>): Promise<T[]> {
    const ticked = new Set<string>(q.default ?? []);
    const min = q.min ?? 0;
    return this.prompter.checkbox({
      message: q.message,
      choices: q.choices.map((c) => ({ ...c, checked: ticked.has(c.value) })),
      validate: (values) => values.length >= min || `Tick at least ${min} (space ticks, Enter confirms)`,
    });
  }

  confirm(q: ConfirmQuestion): Promise<boolean> {
    return this.prompter.confirm({ message: q.message, default: q.default });
  }

  async texts(q: TextListQuestion): Promise<string[]> {
    const values: string[] = [];
    for (;;) {
      const enough = values.length >= (q.min ?? 0);
      const message =
        values.length === 0
          ? `${q.message}${enough ? ' (one at a time; Enter on an empty line to finish)' : ''}`
          : `Another ${q.noun}? (Enter on an empty line to finish)`;
      const text = (
        await this.prompter.input({ message, validate: (raw) => checkText(raw, q.validate, enough) })
      ).trim();
      if (text === '') return values;
      values.push(text);
    }
  }

  async list<T>(q: ListQuestion, item: (ask: Asker, index: number) => Promise<T>): Promise<T[]> {
    const items: T[] = [];
    for (;;) {
      const must = items.length < (q.min ?? 0);
      if (
        !must &&
        !(await this.prompter.confirm({
          message: items.length === 0 ? q.message : `Add another ${q.noun}?`,
          default: items.length === 0,
        }))
      )
        return items;
      items.push(await item(this, items.length));
    }
  }

  group<T>(_name: string, body: (ask: Asker) => Promise<T>): Promise<T> {
    return body(this);
  }

  async section<T>(q: SectionQuestion, body: (ask: Asker) => Promise<T>): Promise<T | undefined> {
    return (await this.prompter.confirm({ message: q.message, default: q.default })) ? body(this) : undefined;
  }

  asIs(): unknown {
    return undefined;
  }

  given(): boolean {
    return false;
  }

  notApplicable(): void {}

  finish(): void {}
}

function checkText(raw: string, validate: Validate | undefined, emptyAllowed: boolean): true | string {
  const text = raw.trim();
  if (text === '') return emptyAllowed || 'An answer is needed here';
  return validate ? validate(text) : true;
}
