#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx's loader, so no separate server build is needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli.ts');
