import { lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { mkdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomicSync } from '../util/atomic-write.js';
import { isInside } from './picture.js';

/** Report file names come from ids (or a counter), never from free text: this shape is all they can be. */
const SAFE_NAME = /^(images\/)?[a-z0-9][a-z0-9-]*(\.[a-z0-9]+)+$/;

/**
 * The --out folder. Every write goes through `write`, which accepts only names of the safe shape
 * and checks that the resolved target (and its real folder) stays inside the folder.
 */
export class OutputFolder {
  private realRoot?: string;
  /** Folders already made and checked to lie inside the root (symlinks resolved), with the names they hold. */
  private readonly checked = new Map<string, { dir: string; names: Set<string> }>();
  readonly written: string[] = [];

  constructor(readonly root: string) {}

  async prepare(): Promise<void> {
    try {
      const s = await stat(this.root);
      if (!s.isDirectory()) throw new UsageError(`--out ${this.root} is a file, not a folder`, 'choose a folder for the reports');
    } catch (e) {
      if (e instanceof UsageError) throw e;
    }
    try {
      await mkdir(this.root, { recursive: true });
      this.realRoot = await realpath(this.root);
    } catch (e) {
      throw new UsageError(`cannot create the output folder ${this.root}: ${(e as Error).message}`, 'choose another --out folder');
    }
  }

  /**
   * Write one report atomically. A report whose file already holds exactly these bytes is left
   * alone: re-rendering an unchanged workspace rewrites nothing (and keeps the files' times).
   */
  write(name: string, content: string | Uint8Array | readonly Uint8Array[]): void {
    if (!SAFE_NAME.test(name)) throw new Error(`refusing to write the unsafe report name ${JSON.stringify(name)}`);
    // A safe name is a file name, or images/ and a file name: checking its folder once checks them all.
    const slash = name.indexOf('/');
    const folder = this.folder(slash < 0 ? '' : name.slice(0, slash), name);
    const base = slash < 0 ? name : name.slice(slash + 1);
    const target = folder.dir + path.sep + base;
    const bytes = typeof content === 'string' ? [Buffer.from(content)] : content instanceof Uint8Array ? [content] : content;
    if (!(folder.names.has(base) && holds(target, bytes))) {
      try {
        writeFileAtomicSync(target, bytes, { sync: false }); // reports are regenerable: atomic, not fsynced
      } catch (e) {
        throw new UsageError(`cannot write ${target}: ${(e as Error).message}`, 'check that the output folder is writable');
      }
    }
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
      throw new UsageError(`cannot create the folder ${dir}: ${(e as Error).message}`, 'check that the output folder is writable');
    }
    if (!isInside(this.realRoot ?? this.root, realpathSync(dir))) {
      throw new UsageError(`refusing to write ${name}: its folder is a link to outside ${this.root}`, 'remove the symbolic link inside the output folder');
    }
    // One listing instead of a look per report: into a new folder, 1,000 reports then cost no lstat.
    const folder = { dir, names: new Set(readdirSync(dir)) };
    this.checked.set(sub, folder);
    return folder;
  }
}

/** Whether `file` is a regular file (not a link) with exactly these bytes (given in parts). */
function holds(file: string, parts: readonly Uint8Array[]): boolean {
  try {
    // No exception for a file deleted since the folder was listed.
    const stats = lstatSync(file, { throwIfNoEntry: false });
    if (stats === undefined || !stats.isFile() || stats.size !== parts.reduce((n, p) => n + p.length, 0)) return false;
    const held = readFileSync(file);
    let at = 0;
    for (const part of parts) {
      if (Buffer.compare(held.subarray(at, at + part.length), part) !== 0) return false;
      at += part.length;
    }
    return true;
  } catch {
    return false;
  }
}
