import type { Finding } from '../diagnostic.js';
import { yamlLib } from './yaml-lib.js';

/**
 * The options of the `yaml` package that match how parse-yaml.ts reads (YAML 1.2 core, unique
 * keys, no tags beyond the core ones). logLevel 'error': its warnings must not reach stderr.
 */
const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  uniqueKeys: true,
  strict: true,
  logLevel: 'error',
  resolveKnownTags: false,
} as const;

/**
 * The syntax errors of a stream js-yaml refused, as the `yaml` package finds them: it recovers
 * after an error and names the mistake ("duplicate key", "missing colon") where js-yaml gives one
 * terse reason. Only files with a syntax error come here; values and positions are js-yaml's.
 */
export function describeYamlErrors(text: string): Omit<Finding, 'file'>[] {
  const { LineCounter, parseAllDocuments } = yamlLib();
  const lineCounter = new LineCounter();
  let docs;
  try {
    const parsed = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (e) {
    return [{ rule: 'yaml-syntax', line: 1, column: 1, message: `the YAML parser gave up: ${(e as Error).message}` }];
  }
  // Errors found at end of input ("missing closing quote") point past the last line; editors and
  // CI annotations drop positions that do not exist, so clamp them to the last character.
  const lastOffset = Math.max(0, text.trimEnd().length - 1);
  const errors: Omit<Finding, 'file'>[] = [];
  for (const doc of docs) {
    const reported = new Set<string>();
    [...doc.errors, ...doc.warnings].forEach((problem, i) => {
      // After the first syntax error the parser's recovery tends to cascade ("- a\nb: 1" gives three
      // errors); only mistakes found independently of the syntax are worth reporting after it.
      if (i > 0 && !INDEPENDENT_PROBLEMS.has(problem.code)) return;
      const { line, col } = lineCounter.linePos(Math.min(problem.pos[0], lastOffset));
      if (reported.has(`${line}:${col}`)) return;
      reported.add(`${line}:${col}`);
      const message = describeYamlProblem(problem.code, problem.message, lineFrom(text, problem.pos[0]));
      errors.push({ rule: 'yaml-syntax', line, column: col, message });
    });
  }
  return errors;
}

const INDEPENDENT_PROBLEMS = new Set(['DUPLICATE_KEY', 'TAG_RESOLVE_FAILED', 'TAB_AS_INDENT']);
/** The `yaml` package's wording, made actionable for people who do not read YAML grammar. */
function describeYamlProblem(code: string, message: string, source: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY': {
      const m = KEY_AT_LINE_START.exec(source);
      const name = m?.[1] ?? m?.[2]?.replace(/''/g, "'") ?? m?.[3];
      const key = name !== undefined && name.length <= 60 ? ` "${name}"` : '';
      return `duplicate key${key} in one mapping; keep only one of them (YAML does not allow repeating a key)`;
    }
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML allows only spaces';
    case 'TAG_RESOLVE_FAILED': {
      const tag = /tag:\s*(\S+)/i.exec(first)?.[1]?.replace(/^tag:yaml\.org,2002:/, '!!') ?? 'tag';
      return `the YAML tag ${tag} is not allowed; personakit does not honour custom YAML tags: remove it`;
    }
    case 'MULTILINE_IMPLICIT_KEY':
      return 'this line is not a `key: value` pair (a missing colon, or a key running over two lines)';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'a value cannot hold another `key: value` here; check the indentation of the next line, or quote a value that contains ": "';
    case 'RESOURCE_EXHAUSTION':
      return 'the document is nested too deeply for the YAML parser (it ran out of stack); flatten the nesting';
    case 'BAD_INDENT':
      return `${lower(first)}; check the indentation`;
    default:
      return lower(first);
  }
}

/** A key at the start of `source`: "double-quoted", 'single-quoted' or plain, followed by a colon. */
const KEY_AT_LINE_START = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s:#][^:#]*?))\s*:/;

/** The text from `offset` to the end of its line: where the `source` of a problem starts. */
function lineFrom(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(offset, end === -1 ? undefined : end);
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
