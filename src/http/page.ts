/**
 * The timeline page: static files from the package's web/ folder, and uPlot from the
 * installed package (no build step, nothing fetched from elsewhere at run time).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';

/** web/ beside package.json: found from this module whether it runs from src/ (tsx) or dist/src/ (built). */
function webDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'web', 'index.html'))) return join(dir, 'web');
  }
  throw new Error('The timeline page (web/index.html) is not installed with this package');
}

export function servePage(app: express.Express): void {
  const web = webDir();
  const uplot = dirname(createRequire(import.meta.url).resolve('uplot/dist/uPlot.iife.min.js'));
  app.get('/', (_req, res) => res.sendFile(join(web, 'index.html')));
  app.use('/web', express.static(web, { index: false }));
  app.get('/vendor/uPlot.iife.min.js', (_req, res) => res.sendFile(join(uplot, 'uPlot.iife.min.js')));
  app.get('/vendor/uPlot.min.css', (_req, res) => res.sendFile(join(uplot, 'uPlot.min.css')));
}
