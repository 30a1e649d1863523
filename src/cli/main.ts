import { processIo } from './io.js';
import { runCli } from './run-cli.js';
import { removeTempFilesSync } from '../util/atomic-write.js';

// A signal in the middle of a write must not leave a temporary file behind. At a prompt, inquirer
// has its own handler (exit 130); otherwise the signal is raised again so the process ends as usual.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    removeTempFilesSync();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}
// A reader that goes away (`personakit check | head`) is not an error of ours: stop writing quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

// The binary's only job: run the CLI on argv and hand its exit code to Node. No process.exit,
// so pending output is flushed.
let cwd: string | undefined;
try {
  cwd = process.cwd();
} catch {
  process.stderr.write(
    'personakit: the current folder no longer exists\n  cd into an existing folder and run the command again\n',
  );
  process.exitCode = 2;
}
if (cwd !== undefined) process.exitCode = await runCli(process.argv.slice(2), processIo());
