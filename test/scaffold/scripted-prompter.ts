import type { Choice, Prompter } from '../../src/scaffold/questions.js';

/**
 * A Prompter that plays a script of answers, in order, like a user at the terminal: an answer
 * the question's validator rejects is recorded in `rejected` and the next one is tried (the
 * user retyping). An entry `[/message/, answer]` also asserts which question is being asked.
 */
export type ScriptEntry = string | boolean | string[] | [RegExp, string | boolean | string[]];

export interface ScriptedPrompter extends Prompter {
  /** Every question asked, in order. */
  readonly asked: string[];
  /** Validation messages shown for rejected answers. */
  readonly rejected: string[];
  /** Answers not yet used; a finished flow should leave none. */
  readonly remaining: number;
}

export function scriptedPrompter(
  script: readonly ScriptEntry[],
  options: { interruptAt?: number } = {},
): ScriptedPrompter {
  const queue = [...script];
  const asked: string[] = [];
  const rejected: string[] = [];
  const next = (message: string): string | boolean | string[] => {
    asked.push(message);
    if (options.interruptAt !== undefined && asked.length > options.interruptAt) {
      throw Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
    }
    const entry = queue.shift();
    if (entry === undefined)
      throw new Error(`script ran out of answers at "${message}"\nasked so far:\n  ${asked.join('\n  ')}`);
    if (Array.isArray(entry) && entry[0] instanceof RegExp) {
      const [pattern, answer] = entry as [RegExp, string | boolean | string[]];
      if (!pattern.test(message)) throw new Error(`expected a question matching ${pattern}, got "${message}"`);
      return answer;
    }
    return entry as string | boolean | string[];
  };
  const retry = <T>(
    message: string,
    accept: (answer: string | boolean | string[]) => { ok: true; value: T } | { ok: false; why: string },
  ): T => {
    for (;;) {
      const result = accept(next(message));
      if (result.ok) return result.value;
      rejected.push(result.why);
    }
  };
  return {
    asked,
    rejected,
    get remaining() {
      return queue.length;
    },
    async input({ message, default: fallback, validate }) {
      return retry(message, (answer) => {
        const text = String(answer) === '' && fallback !== undefined ? fallback : String(answer);
        const verdict = validate ? validate(text) : true;
        return verdict === true ? { ok: true, value: text } : { ok: false, why: verdict };
      });
    },
    async select<T extends string>({
      message,
      choices,
      default: fallback,
    }: {
      message: string;
      choices: readonly Choice<T>[];
      default?: T;
    }) {
      return retry(message, (answer) => {
        const value = answer === '' && fallback !== undefined ? fallback : String(answer);
        return choices.some((c) => c.value === value)
          ? { ok: true, value: value as T }
          : { ok: false, why: `not a choice: ${value}` };
      });
    },
    async checkbox<T extends string>({
      message,
      choices,
      validate,
    }: {
      message: string;
      choices: ReadonlyArray<Choice<T> & { checked?: boolean }>;
      validate?: (values: readonly T[]) => true | string;
    }) {
      return retry(message, (answer) => {
        const values = (
          answer === ''
            ? choices.filter((c) => c.checked).map((c) => c.value)
            : ([] as string[]).concat(answer as string | string[])
        ) as T[];
        const unknown = values.find((v) => !choices.some((c) => c.value === v));
        if (unknown !== undefined) return { ok: false, why: `not a choice: ${unknown}` };
        const verdict = validate ? validate(values) : true;
        return verdict === true ? { ok: true, value: values } : { ok: false, why: verdict };
      });
    },
    async confirm({ message, default: fallback }) {
      return retry(message, (answer) =>
        answer === '' ? { ok: true, value: Boolean(fallback) } : { ok: true, value: answer === true || answer === 'y' },
      );
    },
  };
}
