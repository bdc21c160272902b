#!/usr/bin/env node
// In a source checkout, run the TypeScript sources through tsx (so nothing stale runs);
// in an installed package, which ships only dist/, run the build.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = new URL('../src/main.ts', import.meta.url);
if (existsSync(fileURLToPath(source))) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/src/main.js', import.meta.url).href);
}
