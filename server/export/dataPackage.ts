/**
 * A session as an open data package (Frictionless Data Package v2): `datapackage.json` describing each file,
 * a CSV per table with its Table Schema, and the map pins as GeoJSON when there are any, zipped. What a
 * town hall puts on its open data portal as it is.
 */
import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import { z } from 'zod';
import type { PinCollection } from '../../shared/mapApi.js';
import type { ReportData } from '../../shared/reportData.js';
import type { PublicSuite } from '../../shared/suites.js';
import { dataPackageTables, type DataTable } from './dataPackageTables.js';

/** Open licences a French public body publishes under; the Licence Ouverte unless the facilitator picks another. */
const LICENCES = {
  'etalab-2.0': { title: 'Licence Ouverte / Open Licence version 2.0', path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
  'ODbL-1.0': { title: 'Open Database License 1.0', path: 'https://opendatacommons.org/licenses/odbl/1-0/' },
  'CC-BY-4.0': { title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' },
  'CC0-1.0': { title: 'Creative Commons Zero 1.0', path: 'https://creativecommons.org/publicdomain/zero/1.0/' },
} as const;

export const dataPackageQuery = z.object({
  licence: z
    .enum(Object.keys(LICENCES) as [keyof typeof LICENCES], { error: `Licence attendue : ${Object.keys(LICENCES).join(', ')}.` })
    .default('etalab-2.0'),
});
export type DataPackageOptions = z.infer<typeof dataPackageQuery>;

export interface DataPackageInput {
  /** The anonymised report of the session. */
  report: ReportData;
  suites: PublicSuite[];
  pins: PinCollection;
  /** File-name stem, also the package's name (`2026-11-20-atelier-mobilite`). */
  name: string;
  createdAt: Date;
}

/** Comma-separated UTF-8 without byte-order mark (the standard's default dialect); formulas escaped for spreadsheets. */
function tableCsv(table: DataTable): string {
  return stringify(table.rows, {
    header: true,
    columns: table.fields.map((f) => f.name),
    record_delimiter: '\r\n',
    escape_formulas: true,
  });
}

function tableResource(table: DataTable) {
  return {
    name: table.name,
    type: 'table',
    path: `${table.name}.csv`,
    scheme: 'file',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    title: table.title,
    description: `${table.description} Les cellules commençant par =, +, - ou @ sont précédées d'une apostrophe (protection des tableurs).`,
    dialect: { header: true, delimiter: ',' },
    schema: {
      fields: table.fields,
      missingValues: [''],
      ...(table.primaryKey ? { primaryKey: table.primaryKey } : {}),
      ...(table.foreignKeys ? { foreignKeys: table.foreignKeys } : {}),
    },
  };
}

export function dataPackageZip(input: DataPackageInput, options: DataPackageOptions): Uint8Array {
  const { report } = input;
  const tables = dataPackageTables(report, input.suites);
  const files: Record<string, Uint8Array> = {};
  for (const table of tables) files[`${table.name}.csv`] = strToU8(tableCsv(table));
  const resources: object[] = tables.map(tableResource);
  if (input.pins.features.length > 0) {
    files['reperes.geojson'] = strToU8(JSON.stringify(input.pins));
    resources.push({
      name: 'reperes',
      path: 'reperes.geojson',
      format: 'geojson',
      mediatype: 'application/geo+json',
      encoding: 'utf-8',
      title: 'Repères sur la carte',
      description: 'Les notes posées sur une carte du territoire, en points (longitude, latitude WGS 84), sans auteur·rice.',
    });
  }
  const licence = LICENCES[options.licence];
  const descriptor = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: input.name,
    title: report.title,
    description: [report.summary, `Atelier du ${report.date}${report.territory ? `, ${report.territory.name}` : ''}, publié avec ${report.instanceName}.`]
      .filter(Boolean)
      .join('\n\n'),
    created: input.createdAt.toISOString(),
    // The standard wants keywords, when given, to be at least one.
    ...(report.themes.length > 0 ? { keywords: report.themes } : {}),
    licenses: [{ name: options.licence, path: licence.path, title: licence.title }],
    contributors: [{ title: report.instanceName, roles: ['publisher'] }],
    resources,
  };
  files['datapackage.json'] = strToU8(JSON.stringify(descriptor, null, 2));
  // `datapackage.json` at the archive's root: where readers of zipped packages look for it.
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, data]) => [path, [data, { mtime: input.createdAt }]])), { level: 6 });
}
