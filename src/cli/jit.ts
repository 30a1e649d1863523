import v8 from 'node:v8';

/** The process's optimizing compiler, as the render command tunes it (see tierUpLater). */
export interface Jit {
  /**
   * From now on, for the rest of the process, V8 optimizes a function only after it has run
   * ~4.4× as much bytecode as it otherwise would. Code already optimized stays so.
   */
  tierUpLater(): void;
}

/**
 * Bytecode a function runs between V8's looks at whether to optimize it (Node 20's V8 11.3 starts
 * at 67,584). Why raise it for drawing: rendering a thousand reports runs each template and view
 * a thousand times, enough for V8 to optimize ~120 functions on its background threads. On a
 * 2-core machine those jobs, the writer thread and the main thread share the cores, and most of
 * the optimized code arrives too late to pay for itself. Measured on w1k (bench/README.md, tenth
 * round): the HTML render ~60 ms faster with 150,000–600,000, Markdown no slower; switching the
 * optimizing compiler off instead (--no-turbofan) slowed Markdown, whose escaping is hot enough
 * to gain from it. Checking (parsing) is left alone: there the optimized parser pays off.
 */
const DRAWING_INTERRUPT_BUDGET = 300_000;

/**
 * `v8.setFlagsFromString` after start-up works for this flag: Node starts V8 with
 * --no-freeze-flags-after-init so that it may, and V8 reads the budget each time it resets a
 * function's. Someone who runs personakit with their own JIT flags keeps them.
 */
export function processJit(execArgv: readonly string[] = process.execArgv): Jit {
  return {
    tierUpLater() {
      if (tunesJit(execArgv)) return;
      try {
        v8.setFlagsFromString(`--interrupt-budget=${DRAWING_INTERRUPT_BUDGET}`);
      } catch {
        // Not V8, or a V8 that refuses: drawing is merely slower.
      }
    },
  };
}

/** Whether the command line already chooses how V8 compiles (--jitless, --no-opt, --interrupt-budget=…). */
export function tunesJit(execArgv: readonly string[]): boolean {
  return execArgv.some((arg) => /^--(no-)?(turbofan|opt|jitless|maglev|sparkplug|max-opt|interrupt-budget|ticks-before-optimization)([=-]|$)/.test(arg.replaceAll('_', '-')));
}
