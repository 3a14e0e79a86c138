#!/usr/bin/env node
// Node 20 cannot run TypeScript itself: tsx's loader compiles the sources on the fly, so the
// command works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
