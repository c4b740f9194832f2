#!/usr/bin/env node
// The `fto` command: runs the TypeScript CLI through tsx, so that it uses the same core as the app.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
