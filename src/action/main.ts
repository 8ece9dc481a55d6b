#!/usr/bin/env node
// The Action's entry point (action.yml runs it; `npm run action:local` too): the only Action
// file that touches the process. Everything else is in run.ts.
import { runAction } from './run.js';

process.exitCode = await runAction(process.env, {
  stdout: (text) => process.stdout.write(text),
  cwd: process.cwd(),
});
