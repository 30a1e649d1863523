import { InterruptedError } from '../errors.js';
import type { Prompter } from './questions.js';

/**
 * The real terminal: @inquirer/prompts, imported only when a command actually prompts (it is
 * heavy, and `check` must start fast). Ctrl-C inside a prompt becomes an InterruptedError:
 * exit 130 with one line, no stack trace.
 */
export async function inquirerPrompter(input: NodeJS.ReadableStream): Promise<Prompter> {
  const prompts = await import('@inquirer/prompts');
  const context = { input };
  return {
    input: (options) => interruptible(prompts.input(options, context)),
    select: (options) => interruptible(prompts.select({ ...options, choices: [...options.choices] }, context)),
    checkbox: (options) => {
      const { validate, ...rest } = options;
      return interruptible(
        prompts.checkbox(
          {
            ...rest,
            choices: [...options.choices],
            ...(validate ? { validate: (picked) => validate(picked.map((c) => c.value)) } : {}),
          },
          context,
        ),
      );
    },
    confirm: (options) => interruptible(prompts.confirm(options, context)),
  };
}

async function interruptible<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (e) {
    // @inquirer/core's ExitPromptError (Ctrl-C, or the terminal closed); matched by name to avoid importing core.
    if (e instanceof Error && e.name === 'ExitPromptError') throw new InterruptedError();
    throw e;
  }
}
