import v8 from 'node:v8';

/** The process's optimizing compiler, as the render command tunes it (see pauseOptimizing). */
export interface Jit {
  /**
   * Stop V8 from optimizing code that becomes hot from now on; returns how to undo it.
   * Code already optimized stays so, and the baseline compilers keep working.
   */
  pauseOptimizing(): () => void;
}

/**
 * Why pause it: drawing a thousand reports runs each template and view a thousand times, enough
 * for V8 to optimize ~60 functions on its background threads. On a 2-core machine those jobs,
 * the writer thread and the main thread share the cores, and the optimized code arrives too late
 * to pay for itself: measured on w1k (bench/README.md, tenth round), the main thread spends no more
 * CPU drawing without the optimizing compiler and a whole render takes ~60 ms less; on w10k ~2 %
 * less. Checking (parsing) is left alone: there the optimized parser pays off many times over.
 *
 * `v8.setFlagsFromString` after start-up works for this flag: Node starts V8 with
 * --no-freeze-flags-after-init so that it may, and the flag is read each time V8 considers
 * optimizing a function. Someone who runs personakit with their own JIT flags keeps them.
 */
export function processJit(execArgv: readonly string[] = process.execArgv): Jit {
  if (tunesJit(execArgv)) return { pauseOptimizing: () => () => {} };
  return {
    pauseOptimizing() {
      if (!setFlag('--no-turbofan')) return () => {};
      let resumed = false;
      return () => {
        if (resumed) return;
        resumed = true;
        setFlag('--turbofan');
      };
    },
  };
}

/** Whether the command line already chooses how V8 compiles (--jitless, --no-opt, --max-opt=…). */
export function tunesJit(execArgv: readonly string[]): boolean {
  return execArgv.some((arg) => /^--(no-)?(turbofan|opt|jitless|maglev|sparkplug|max-opt|interrupt-budget)([=-]|$)/.test(arg.replaceAll('_', '-')));
}

function setFlag(flag: string): boolean {
  try {
    v8.setFlagsFromString(flag);
    return true;
  } catch {
    // Not V8, or a V8 that refuses: drawing is merely slower.
    return false;
  }
}
