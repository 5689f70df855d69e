/**
 * `npx tsx bench/templateImportCost.ts`: the main-thread work of importing a template file at its 5 MB limit
 * (`POST /api/templates` parses and checks it on the event loop): a library template grown to the most elements
 * allowed, with long texts, and four background images of 1.2 MB of base64 each. Each step is timed as the route
 * runs it (JSON.parse, the images' check, the template's check, the images decoded), five times, against the
 * 100 ms stall target of issue 16: above it, the import would go to a worker thread as an archive's does.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEMPLATE_MAX_BACKGROUNDS, TEMPLATE_MAX_ELEMENTS } from '../shared/limits.js';
import { templateFileAssets, templateSchema } from '../shared/templateSchema.js';
import { validateBody } from '../server/routes/validateBody.js';

const TARGET_MS = 100;
const REPO = path.resolve(import.meta.dirname, '..');

const template = JSON.parse(readFileSync(path.join(REPO, 'templates/01-carte-des-acteurs.json'), 'utf8'));
const label = template.canvas.elements.find((e: { kind: string }) => e.kind === 'label');
while (template.canvas.elements.length < TEMPLATE_MAX_ELEMENTS) {
  template.canvas.elements.push({ ...label, text: 'Une consigne longue. '.repeat(28) });
}
const assets = Array.from({ length: TEMPLATE_MAX_BACKGROUNDS }, (_, i) => ({ id: `fond-${i}`, data: Buffer.alloc(900_000, i).toString('base64') }));
const body = JSON.stringify({ ...template, assets });

const rows: string[] = [];
for (let run = 1; run <= 5; run++) {
  const t0 = performance.now();
  const parsed = JSON.parse(body) as { assets: unknown };
  const t1 = performance.now();
  const checkedAssets = validateBody(templateFileAssets, parsed.assets);
  const t2 = performance.now();
  validateBody(templateSchema, parsed);
  const t3 = performance.now();
  for (const asset of checkedAssets) Buffer.from(asset.data, 'base64');
  const t4 = performance.now();
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  rows.push(`| ${run} | ${ms(t1 - t0)} | ${ms(t2 - t1)} | ${ms(t3 - t2)} | ${ms(t4 - t3)} | ${ms(t4 - t0)} |`);
}
process.stdout.write(
  [
    `Template import, main-thread work (${(body.length / 1e6).toFixed(2)} MB; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores; target ≤ ${TARGET_MS} ms)`,
    '| run | JSON.parse | images checked | template checked | images decoded | all told |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n') + '\n',
);
