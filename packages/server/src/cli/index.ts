#!/usr/bin/env node
/**
 * The `live-chat-server` command (see `run.ts`), the package's `bin`; from the source tree:
 * `node --conditions=@live-chat/source --import tsx packages/server/src/cli/index.ts <command>`.
 */
import { runCli } from './run.js';

const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
});
process.exitCode = code;
