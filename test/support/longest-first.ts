import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that take longest, longest first. vitest starts the files of a run in the order its
 * sequencer gives, and on a fresh clone (no timings cached yet) it orders them by size; a long file that
 * happens to be short on disk would start last and leave one worker running it alone at the end.
 */
export const LONGEST = [
  'test/render/browser.test.ts',
  'test/render/pdf.test.ts',
  'test/hardening/properties.test.ts',
  'test/e2e/packed-install.test.ts',
  'test/hardening/output-contexts.test.ts',
  'test/hardening/corpus-settings.test.ts',
  'test/hardening/corpus-yaml.test.ts',
  'test/hardening/scaffold-signals.test.ts',
  'test/scaffold/e2e.test.ts',
  'test/schema/standalone.test.ts',
];

/** vitest's sequencer (its order otherwise), with the files of LONGEST started first. */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const i = LONGEST.indexOf(path.relative(spec.project.config.root, spec.moduleId).split(path.sep).join('/'));
      return i === -1 ? LONGEST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
