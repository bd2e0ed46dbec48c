#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it in memory so a checkout runs without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
