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
// The binary's only job: run the CLI on argv and hand its exit code to Node. No process.exit,
// so pending output is flushed.
const io = processIo();
process.exitCode = await runCli(process.argv.slice(2), io);
