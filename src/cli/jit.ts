/**
 * Bytecode a function runs between V8's looks at whether to optimize it; Node 20's V8 11.3 starts
 * at 67,584, tuned for long-lived pages and servers. A check or a render is a run of 0.2–2 s on
 * machines that often have two cores, where V8 optimizes 80–250 functions on its background
 * threads: most of them (rules, views, templates, a thousand runs each) are optimized too late
 * to pay for their compilation, which shares the cores with the reading or writing threads and
 * the main thread. The hottest code, the YAML parser's, is optimized a little later and still
 * pays off. Measured on 2 cores (bench/README.md, tenth round), 450,000 against the default:
 * check of 10,000 personas −9 %, render of 1,000 −10 %, the rest unchanged within the noise
 * (300,000 and 600,000 did about as well; --no-turbofan while drawing slowed Markdown reports).
 */
const INTERRUPT_BUDGET = 450_000;

/**
 * The flags with which V8 optimizes a function only after it has run ~6.7× as much bytecode as it
 * otherwise would (code already optimized stays so), for util/v8-flags.ts to set; undefined when
 * someone runs personakit with their own JIT flags, which are left alone. Setting this flag after
 * start-up works: Node starts V8 with --no-freeze-flags-after-init so that it may, and V8 reads the
 * budget each time it resets a function's.
 */
export function jitFlags(execArgv: readonly string[] = process.execArgv): string | undefined {
  return tunesJit(execArgv) ? undefined : `--interrupt-budget=${INTERRUPT_BUDGET}`;
}

/** Whether the command line already chooses how V8 compiles (--jitless, --no-opt, --interrupt-budget=…). */
export function tunesJit(execArgv: readonly string[]): boolean {
  return execArgv.some((arg) =>
    /^--(no-)?(turbofan|opt|jitless|maglev|sparkplug|max-opt|interrupt-budget|ticks-before-optimization)([=-]|$)/.test(
      arg.replaceAll('_', '-'),
    ),
  );
}
