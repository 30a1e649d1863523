/**
 * Question definitions shared by every way of answering them: the interactive prompts, an
 * --answers file and --yes. Each question is defined once (name, message, validate, default,
 * choices), so a typed answer and a file answer pass exactly the same checks.
 */

/** true when the text is acceptable, else the message to show (and to report for --answers). */
export type Validate = (text: string) => true | string;

export interface Choice<T extends string = string> {
  value: T;
  name?: string;
  description?: string;
}

interface QuestionBase {
  /** The answer's key: in the answers file and, mostly, in the written document. */
  name: string;
  message: string;
}

export interface InputQuestion extends QuestionBase {
  /** Runs on the trimmed, non-empty text. */
  validate?: Validate;
  default?: string;
  /** An empty answer skips the field. */
  optional?: boolean;
  /** What --yes writes when there is no default: text that says what to put there. */
  placeholder?: string;
}

export interface SelectQuestion<T extends string = string> extends QuestionBase {
  choices: readonly Choice<T>[];
  default?: T;
  /** Offers "(none)" and may return undefined. */
  optional?: boolean;
}

export interface CheckboxQuestion<T extends string = string> extends QuestionBase {
  choices: readonly Choice<T>[];
  default?: readonly T[];
  /** Fewest choices to tick (default 0). */
  min?: number;
}

export interface ConfirmQuestion extends QuestionBase {
  default: boolean;
}

/** A repeated group of questions ("add another goal?"); `name` is the list's key. */
export interface ListQuestion extends QuestionBase {
  /** The item, for prompts: "Add another goal?". */
  noun: string;
  /** Ask for the first item without asking whether to add one. */
  min?: number;
  /** How many items --yes fills with defaults and placeholders. */
  yesItems?: number;
}

/** A list of short texts (traits, sectors…): one prompt per entry, an empty answer ends the list. */
export interface TextListQuestion extends QuestionBase {
  noun: string;
  validate?: Validate;
  /** What --yes writes. */
  yesValues?: readonly string[];
  min?: number;
}

/** An optional block of questions (behaviour, sizing…): asked after a yes, or when the file has the key. */
export interface SectionQuestion extends QuestionBase {
  default: boolean;
}

/**
 * The terminal, as the scaffold sees it: the four inquirer prompts it uses. The CLI passes one
 * backed by @inquirer/prompts; tests pass a scripted one.
 */
export interface Prompter {
  input(options: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  select<T extends string>(options: { message: string; choices: readonly Choice<T>[]; default?: T }): Promise<T>;
  checkbox<T extends string>(options: {
    message: string;
    choices: ReadonlyArray<Choice<T> & { checked?: boolean }>;
    validate?: (values: readonly T[]) => true | string;
  }): Promise<T[]>;
  confirm(options: { message: string; default?: boolean }): Promise<boolean>;
}

/**
 * How a flow gets its answers. One implementation asks the Prompter, one reads an answers file,
 * one takes defaults; flows are written once against this interface.
 */
export interface Asker {
  input(q: InputQuestion): Promise<string | undefined>;
  select<T extends string>(q: SelectQuestion<T>): Promise<T | undefined>;
  checkbox<T extends string>(q: CheckboxQuestion<T>): Promise<T[]>;
  confirm(q: ConfirmQuestion): Promise<boolean>;
  texts(q: TextListQuestion): Promise<string[]>;
  list<T>(q: ListQuestion, item: (ask: Asker, index: number) => Promise<T>): Promise<T[]>;
  /** A nested mapping (about, criteria…), always entered. */
  group<T>(name: string, body: (ask: Asker) => Promise<T>): Promise<T>;
  /** A nested mapping entered only when wanted; undefined otherwise. */
  section<T>(q: SectionQuestion, body: (ask: Asker) => Promise<T>): Promise<T | undefined>;
  /**
   * A field no question asks for (inline accounts, scoring weights…): from an answers file it is
   * taken as written and checked by the kind's JSON Schema; at the terminal it is left out (the
   * consultant adds it to the written file).
   */
  asIs(name: string): unknown;
  /** Whether an answer was given for `name` (always false at the terminal). */
  given(name: string): boolean;
  /** A key that exists in the answers format but does not apply now; `why` says what to do instead. */
  notApplicable(name: string, why: string): void;
  /** Check that nothing was left unread in this scope (answers files: typos must not pass silently). */
  finish(): void;
}

/** Drops undefined, empty-string, empty-array and empty-object values, so the YAML holds only answers. */
export function compact<T extends Record<string, unknown>>(record: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
      continue;
    out[key] = value;
  }
  return out as Partial<T>;
}
