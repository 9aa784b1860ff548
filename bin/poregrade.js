#!/usr/bin/env node
// Entry point: runs the compiled CLI (npm install builds dist/ through the `prepare` script).
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
