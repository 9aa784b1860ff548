#!/usr/bin/env node
// Entry point: runs the bundled CLI (npm install builds dist/ and dist/bundle/ through the `prepare` script).
import { run } from '../dist/bundle/cli/main.js';

// A reader that stops early (`poregrade … | head`) closes the pipe; that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await run(process.argv.slice(2));
