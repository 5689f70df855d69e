/**
 * Suites as Decidim proposals (the import file of Decidim's proposals component): one row per suite, with the
 * columns its importer reads. The category/taxonomy column is named by the caller (it differs between Decidim
 * versions: `category/id`, `taxonomies/id`…) and holds the id of the participatory space's own category.
 */
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { SUITE_STATUS_LABELS, type Suite } from '../../shared/suites.js';

export const decidimQuery = z.object({
  categoryColumn: z
    .string()
    .regex(/^[a-z_]+\/id$/, { error: 'Colonne de catégorie attendue sous la forme « category/id » ou « taxonomies/id ».' })
    .default('category/id'),
  categoryId: z.string().regex(/^\d{0,12}$/, { error: 'Identifiant de catégorie attendu : un nombre.' }).default(''),
  scopeId: z.string().regex(/^\d{0,12}$/, { error: 'Identifiant de portée attendu : un nombre.' }).default(''),
});
export type DecidimOptions = z.infer<typeof decidimQuery>;

/** Coordinates stay numbers: a western longitude (« -1.55 ») written as text would be taken for a formula and escaped. */
export function decidimRows(suites: Suite[], options: DecidimOptions): Record<string, string | number>[] {
  return suites.map((suite) => ({
    'title/fr': suite.title,
    'body/fr': `${suite.body}\n\nStatut : ${SUITE_STATUS_LABELS[suite.status]}${suite.history.at(-1)?.reason ? ` (${suite.history.at(-1)!.reason})` : ''}`,
    'scope/id': options.scopeId,
    address: suite.placeName ?? '',
    latitude: suite.location?.latitude ?? '',
    longitude: suite.location?.longitude ?? '',
    [options.categoryColumn]: options.categoryId,
  }));
}

/** Comma-separated, every field quoted where needed, UTF-8: what Decidim's CSV importer reads. */
export function decidimCsv(suites: Suite[], options: DecidimOptions): string {
  const columns = ['title/fr', 'body/fr', 'scope/id', 'address', 'latitude', 'longitude', options.categoryColumn];
  return stringify(decidimRows(suites, options), { header: true, columns, escape_formulas: true });
}
