#!/usr/bin/env node
// The command runs the compiled package (dist/, built by `npm run build`, which `npm ci` runs
// through `prepare`): plain Node, no TypeScript loader at run time.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
