import { processIo } from './io.js';
import { runCli } from './run-cli.js';

// The binary's only job: run the CLI on argv and hand its exit code to Node. No process.exit,
// so pending output is flushed.
const io = processIo();
process.exitCode = await runCli(process.argv.slice(2), io);
