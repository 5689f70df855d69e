/**
 * The canvases shipped with Trame: one JSON file per template in `templates/`, numbered in journey order,
 * at the repository root. A file that does not validate stops the server
 * with its name and the faulty fields, rather than hiding a canvas.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { templateSchema, type Template } from '../../shared/templateSchema.js';

export const BUILT_IN_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Every built-in template, in journey order: files are numbered from diagnostic to evaluation. */
export async function loadBuiltInTemplates(dir = BUILT_IN_TEMPLATES_DIR): Promise<Template[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const templates = await Promise.all(
    files.map(async (file) => {
      const result = templateSchema.safeParse(JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')));
      if (!result.success) {
        const fields = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        throw new Error(`Modèle intégré invalide ${file} : ${fields}`);
      }
      return result.data;
    }),
  );
  return templates;
}
