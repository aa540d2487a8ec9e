#!/usr/bin/env node
// Launches bin/flows.ts with tsx inside this same process, so the CLI keeps the caller's
// streams and exit code. File arguments are relative to where the command was typed: under
// `npm run flows` npm has moved to the package's directory, and INIT_CWD is where it was typed.
import { register } from 'tsx/esm/api';

if (process.env.npm_lifecycle_event === 'flows' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
register();
await import('./flows.ts');
