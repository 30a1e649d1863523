import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { UsageError } from '../errors.js';
import type { ReportSink } from './output.js';
import { drawPage, pageRoot, type PageCommon } from './page.js';
import type { TemplateFormat, TemplateKind, TemplateSet } from './templates.js';

/** A page for the drawing thread: its template and its own view (structured-cloned). */
export interface PageJob {
  id: number;
  kind: TemplateKind;
  view: object;
  markdown?: Record<string, string>;
}

/** What the drawing thread sends back for a job: the page as UTF-8, or why it could not be drawn. */
export type DrawnPage =
  | { id: number; bytes: Uint8Array }
  | { id: number; error: { message: string; hint?: string; usage: boolean; stack?: string } };

/** Draws the pages of a run and writes them, in the order given as far as errors go. */
export interface PageDrawer {
  /**
   * Draw a page and write it under `name`, now or when the drawing thread sends it back; `here`:
   * on the main thread (the last page, drawn while the thread finishes its own).
   */
  draw(
    name: string,
    kind: TemplateKind,
    view: object,
    markdown?: Record<string, string>,
    here?: boolean,
  ): Promise<void>;
  /** Every page written; rejects with the error of the first page (in the order given) that failed. */
  finish(): Promise<void>;
  /** Stop the drawing thread, whatever it is doing (after a failure elsewhere). */
  close(): void;
}

// Compiled only: the thread runs dist/render/draw-worker.js. Runs from src/ (the tests) draw on one thread.
const WORKER_URL = new URL('./draw-worker.js', import.meta.url);
/** Pages the thread may have waiting before the main thread draws the next one itself. */
const MAX_WAITING = 4;

export interface DrawerOptions {
  templates: TemplateSet;
  format: TemplateFormat;
  /** The override folder the templates were loaded from, for the thread to load them alike. */
  templateDir: string | undefined;
  cwd: string;
  common: PageCommon;
  indexHref: string;
  out: ReportSink;
  /** Draw a share of the pages on a second thread (when the run has enough pages). */
  thread: boolean;
}

/**
 * The pages of a run are independent once their views exist, so a second thread draws a share of
 * them while the main thread builds the views and draws the rest: the main thread hands a page
 * over whenever fewer than MAX_WAITING are waiting there. Every file is written on the main thread
 * (atomically, as before), so an interrupt's clean-up of temporary files (util/atomic-write.ts)
 * is unchanged; the thread only draws. The bytes are the ones a single thread writes.
 */
export function pageDrawer(options: DrawerOptions): PageDrawer {
  const { templates, format, out } = options;
  const root = pageRoot(format, options.common, { href: options.indexHref });
  const drawHere = (name: string, kind: TemplateKind, view: object, markdown?: Record<string, string>) =>
    out.write(name, drawPage(templates, kind, format, root, view, markdown));
  const thread = options.thread && existsSync(fileURLToPath(WORKER_URL)) ? startThread(options) : undefined;
  if (thread === undefined) {
    return {
      draw: async (name, kind, view, markdown) => drawHere(name, kind, view, markdown),
      finish: async () => {},
      close: () => {},
    };
  }

  let nextId = 0;
  /** Pages handed to the thread and not yet back, by id. */
  const waiting = new Map<number, { name: string; job: PageJob }>();
  let failure: { id: number; error: Error } | undefined;
  const fail = (id: number, error: Error) => {
    if (failure === undefined || id < failure.id) failure = { id, error };
  };
  let changed: (() => void) | undefined;
  const settle = (page: DrawnPage) => {
    const entry = waiting.get(page.id);
    if (entry === undefined) return;
    waiting.delete(page.id);
    if ('error' in page) fail(page.id, threadError(page.error));
    else
      try {
        out.write(entry.name, page.bytes);
      } catch (e) {
        fail(page.id, e as Error);
      }
  };
  /** Write the pages the thread has sent back: taken from its port without waiting for the event loop. */
  const receive = () => {
    for (let page = thread.receive(); page !== undefined; page = thread.receive()) settle(page);
  };
  thread.onWake(() => changed?.());
  /** Wait until the thread has answered every page before `id`; if it ended instead, draw them here. */
  const settleBefore = async (id: number) => {
    for (;;) {
      receive();
      const pending = [...waiting.keys()].filter((k) => k < id);
      if (pending.length === 0) return;
      if (thread.ended) {
        for (const k of pending) {
          const { name, job } = waiting.get(k)!;
          waiting.delete(k);
          try {
            drawHere(name, job.kind, job.view, job.markdown);
          } catch (e) {
            fail(k, e as Error);
          }
        }
        return;
      }
      await new Promise<void>((resolve) => (changed = resolve));
      changed = undefined;
    }
  };
  const raise = async (id: number): Promise<never> => {
    await settleBefore(id);
    thread.stop();
    throw failure!.error;
  };

  return {
    async draw(name, kind, view, markdown, here = false) {
      receive();
      if (failure !== undefined) return raise(failure.id);
      const id = nextId++;
      if (!here && !thread.ended && waiting.size < MAX_WAITING) {
        const job: PageJob = markdown === undefined ? { id, kind, view } : { id, kind, view, markdown };
        waiting.set(id, { name, job });
        thread.send(job);
        return;
      }
      try {
        drawHere(name, kind, view, markdown);
      } catch (e) {
        fail(id, e as Error);
        return raise(id);
      }
    },
    async finish() {
      await settleBefore(nextId);
      thread.stop();
      if (failure !== undefined) throw failure.error;
    },
    close: () => thread.stop(),
  };
}

interface DrawingThread {
  send(job: PageJob): void;
  /** The next page the thread has sent back, if any. */
  receive(): DrawnPage | undefined;
  /** Called when the thread has sent a page back or ended. */
  onWake(listener: () => void): void;
  /** The thread is gone (ended, crashed or stopped). */
  ended: boolean;
  end: Promise<void>;
  stop(): void;
}

function startThread(options: DrawerOptions): DrawingThread {
  // Pages come back on a channel of their own, read synchronously between two pages of the main
  // thread (its loop may draw many pages before it yields); the worker's own messages only wake
  // a main thread that waits for the last pages.
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_URL, {
    transferList: [port2],
    workerData: {
      port: port2,
      format: options.format,
      templateDir: options.templateDir,
      cwd: options.cwd,
      common: options.common,
      indexHref: options.indexHref,
    },
  });
  let stopped = false;
  const state: DrawingThread = {
    send: (job) => worker.postMessage(job),
    receive: () => receiveMessageOnPort(port1)?.message as DrawnPage | undefined,
    onWake: (listener) => {
      worker.on('message', listener);
      void state.end.then(listener);
    },
    ended: false,
    end: new Promise<void>((resolve) => {
      const ended = () => {
        state.ended = true;
        resolve();
      };
      // A thread that fails to start (or crashes) leaves its pages to the main thread.
      worker.once('error', ended);
      worker.once('exit', ended);
    }),
    stop() {
      state.ended = true;
      if (stopped) return;
      stopped = true;
      port1.close();
      void worker.terminate();
    },
  };
  return state;
}

/** The error a page's drawing raised on the thread, as the main thread would have raised it. */
function threadError(e: { message: string; hint?: string; usage: boolean; stack?: string }): Error {
  const error = e.usage ? new UsageError(e.message, e.hint) : new Error(e.message);
  if (!e.usage && e.stack !== undefined) error.stack = e.stack;
  return error;
}
