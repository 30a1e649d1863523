import { mkdirSync, readdirSync, realpathSync } from 'node:fs';
import { lstat, mkdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { PagePart } from './generated-templates.js';
import { isInside } from './picture.js';
import { syncWriter, threadWriter, type ReportWriter } from './report-writer.js';

/** Report file names come from ids (or a counter), never from free text: this shape is all they can be. */
const SAFE_NAME = /^(images\/)?[a-z0-9][a-z0-9-]*(\.[a-z0-9]+)+$/;

/**
 * The --out folder. Every write goes through `write`, which accepts only names of the safe shape
 * and checks that the resolved target (and its real folder) stays inside the folder.
 */
export class OutputFolder {
  private writer: ReportWriter = syncWriter();
  /** The writer thread, from startThread until prepare decides whether it writes. */
  private thread?: ReportWriter;
  /** The folder did not exist before this run (see prepare). */
  private fresh = false;
  private realRoot?: string;
  /** Folders already made and checked to lie inside the root (symlinks resolved), with the names they hold. */
  private readonly checked = new Map<string, { dir: string; names: Set<string> }>();
  readonly written: string[] = [];

  constructor(readonly root: string) {}

  /**
   * Start the writer thread before there is anything to write (while the documents are read), so
   * that it runs by the time the first report is drawn. False when there is no compiled thread.
   * `v8Flags`: set by the thread once it runs (util/v8-flags.ts).
   */
  startThread(v8Flags?: string): boolean {
    this.thread ??= threadWriter(() => [...this.checked.values()].map((f) => f.dir), v8Flags);
    return this.thread !== undefined;
  }

  /**
   * `thread`: write through the thread of startThread (worth it from a few hundred reports);
   * without, the thread is stopped. Resolves with whether the thread writes.
   */
  async prepare(options: { thread?: boolean } = {}): Promise<boolean> {
    if (!options.thread) await this.stopThread();
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
    // A folder this run made holds nobody's files: reports go straight into it (write-report.ts).
    this.fresh = existing === undefined;
    if (this.thread === undefined) return false;
    [this.writer, this.thread] = [this.thread, undefined];
    return true;
  }

  /** Every report written is on disk once this resolves (it rejects with a write's failure). */
  finish(): Promise<void> {
    return this.writer.finish();
  }

  /** The run failed or wrote nothing: stop writing, and leave no temporary file behind. */
  async abort(): Promise<void> {
    await this.stopThread();
    await this.writer.abort();
  }

  private async stopThread(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    await thread?.abort();
  }

  /**
   * Write one report atomically (write-report.ts); through the writer thread, it is on disk once
   * finish() resolves. A report whose file already holds exactly these bytes is left alone.
   */
  write(name: string, content: string | Uint8Array | readonly PagePart[]): void {
    if (!SAFE_NAME.test(name)) throw new Error(`refusing to write the unsafe report name ${JSON.stringify(name)}`);
    // A safe name is a file name, or images/ and a file name: checking its folder once checks them all.
    const slash = name.indexOf('/');
    const folder = this.folder(slash < 0 ? '' : name.slice(0, slash), name);
    const base = slash < 0 ? name : name.slice(slash + 1);
    const target = folder.dir + path.sep + base;
    const parts = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
    const known = folder.names.has(base);
    // In a new folder, a name's first write makes a new file; a second one replaces it as anywhere.
    this.writer.write({ target, parts, compare: known, fresh: this.fresh && !known });
    folder.names.add(base);
    this.written.push(name);
  }

  /** A folder of the output (made, checked to lie inside it with links resolved, and listed) the first time. */
  private folder(sub: string, name: string): { dir: string; names: Set<string> } {
    const known = this.checked.get(sub);
    if (known !== undefined) return known;
    const dir = sub === '' ? path.resolve(this.root) : path.resolve(this.root, sub);
    if (!isInside(this.root, dir)) throw new Error(`refusing to write ${name}: it would land outside ${this.root}`);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new UsageError(
        `cannot create the folder ${dir}: ${(e as Error).message}`,
        'check that the output folder is writable',
      );
    }
    if (!isInside(this.realRoot ?? this.root, realpathSync(dir))) {
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
