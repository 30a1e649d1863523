import { mkdirSync, readdirSync, realpathSync } from 'node:fs';
import { lstat, mkdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { isInside } from '../util/paths.js';
import { writeReport } from './write-report.js';

/** Where reports go: the output folder, or memory (the pages a PDF is printed from). */
export interface ReportSink {
  write(name: string, content: string | Uint8Array): void;
}

/** Report file names come from ids (or a counter), never from free text: this shape is all they can be. */
const SAFE_NAME = /^(images\/)?[a-z0-9][a-z0-9-]*(\.[a-z0-9]+)+$/;

/**
 * The --out folder. Every write goes through `write`, which accepts only names of the safe shape
 * and checks that the resolved target (and its real folder) stays inside the folder.
 */
export class OutputFolder implements ReportSink {
  private realRoot?: string;
  /** Folders already made and checked to lie inside the root (symlinks resolved), with the names they hold. */
  private readonly checked = new Map<string, { dir: string; names: Set<string> }>();
  readonly written: string[] = [];

  constructor(readonly root: string) {}

  /** Make the folder (refusing a file of that name) before the first report is written. */
  async prepare(): Promise<void> {
    // lstat: a link, even a broken one, is something there already; stat: what it leads to.
    const existing = await lstat(this.root).catch(() => undefined);
    if (existing !== undefined && (await stat(this.root).catch(() => undefined))?.isDirectory() === false) {
      throw new UsageError(`--out ${this.root} is a file, not a folder`, 'choose a folder for the reports');
    }
    try {
      await mkdir(this.root, { recursive: true });
      this.realRoot = await realpath(this.root);
    } catch (e) {
      throw new UsageError(
        `cannot create the output folder ${this.root}: ${(e as Error).message}`,
        'choose another --out folder',
      );
    }
  }

  /** Write one report atomically (write-report.ts); one whose file already holds these bytes is left alone. */
  write(name: string, content: string | Uint8Array): void {
    if (!SAFE_NAME.test(name)) throw new Error(`refusing to write the unsafe report name ${JSON.stringify(name)}`);
    // A safe name is a file name, or images/ and a file name: checking its folder once checks them all.
    const slash = name.indexOf('/');
    const folder = this.folder(slash < 0 ? '' : name.slice(0, slash), name);
    const base = slash < 0 ? name : name.slice(slash + 1);
    const target = folder.dir + path.sep + base;
    const parts = [content];
    writeReport({ target, parts, compare: folder.names.has(base) });
    folder.names.add(base);
    this.written.push(name);
  }

  /** A folder of the output (made, checked to lie inside it with links resolved, and listed) the first time. */
  private folder(sub: string, name: string): { dir: string; names: Set<string> } {
    const known = this.checked.get(sub);
    if (known !== undefined) return known;
    const dir = sub === '' ? path.resolve(this.root) : path.resolve(this.root, sub);
    if (!isInside(dir, this.root)) throw new Error(`refusing to write ${name}: it would land outside ${this.root}`);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new UsageError(
        `cannot create the folder ${dir}: ${(e as Error).message}`,
        'check that the output folder is writable',
      );
    }
    if (!isInside(realpathSync(dir), this.realRoot ?? this.root)) {
      throw new UsageError(
        `refusing to write ${name}: its folder is a link to outside ${this.root}`,
        'remove the symbolic link inside the output folder',
      );
    }
    // One listing instead of a look per report: into a new folder, 1,000 reports then cost no lstat.
    const folder = { dir, names: new Set(readdirSync(dir)) };
    this.checked.set(sub, folder);
    return folder;
  }
}
