import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { UsageError } from '../errors.js';
import { drawPage, pageRoot, type PageCommon } from './page.js';
import { loadTemplates, type TemplateFormat } from './templates.js';
import type { DrawnPage, PageJob } from './draw-thread.js';

// The drawing thread (draw-thread.ts): the run's templates, loaded as the main thread loaded them,
// draw the pages it is sent, in the order sent; each page goes back as UTF-8 bytes (moved, not
// copied), or as the error its drawing raised. It writes no file.
const { port, format, templateDir, cwd, common, indexHref } = workerData as {
  port: MessagePort;
  format: TemplateFormat;
  templateDir: string | undefined;
  cwd: string;
  common: PageCommon;
  indexHref: string;
};
const templates = await loadTemplates(format, templateDir, cwd);
const root = pageRoot(format, common, { href: indexHref });

parentPort!.on('message', (job: PageJob) => {
  let reply: DrawnPage;
  const transfer: ArrayBuffer[] = [];
  try {
    const bytes = Buffer.from(drawPage(templates, job.kind, format, root, job.view, job.markdown));
    // A page's own buffer moves; one carved from Buffer's small-allocation pool is copied.
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const own = whole ? bytes : new Uint8Array(bytes);
    transfer.push(own.buffer as ArrayBuffer);
    reply = { id: job.id, bytes: own };
  } catch (e) {
    const error = e as Error;
    const usage = e instanceof UsageError;
    reply = { id: job.id, error: { message: error.message, usage, stack: error.stack } };
    if (usage && e.hint !== undefined) reply.error.hint = e.hint;
  }
  port.postMessage(reply, transfer);
  // A wake-up for a main thread waiting for its last pages.
  parentPort!.postMessage(0);
});
