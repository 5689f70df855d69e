/**
 * Checks a Frictionless Data Package (v2) against what the specification requires: the descriptor's
 * properties and their types (Data Package, Data Resource, Table Dialect, Table Schema), then every CSV
 * resource against its Table Schema (header, types, constraints, primary and foreign keys). No validator of
 * the standard runs on Node without its Python or R runtime, so the rules are written out here, each with
 * the property it checks in the message it gives.
 */
import { parse } from 'csv-parse/sync';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

const FIELD_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'list', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any'];
const NAME = /^[a-z0-9._-]+$/;
const PROFILES = ['https://datapackage.org/profiles/2.0/datapackage.json', 'https://datapackage.org/profiles/1.0/datapackage.json'];

function checkDescriptor(pkg: unknown, problems: string[]): Json[] {
  if (!isObject(pkg)) return problems.push('datapackage.json: not a JSON object'), [];
  if (pkg.$schema !== undefined && !PROFILES.includes(pkg.$schema as string)) problems.push('$schema: not a Data Package profile');
  if (pkg.name !== undefined && (typeof pkg.name !== 'string' || !NAME.test(pkg.name))) problems.push('name: lower case, digits, « . _ - » only');
  for (const key of ['title', 'description', 'homepage', 'version'] as const) if (pkg[key] !== undefined && typeof pkg[key] !== 'string') problems.push(`${key}: not a string`);
  if (pkg.created !== undefined && (typeof pkg.created !== 'string' || Number.isNaN(Date.parse(pkg.created)) || !/T.*(Z|[+-]\d\d:\d\d)$/.test(pkg.created))) problems.push('created: not an RFC 3339 date-time');
  if (pkg.keywords !== undefined && !isStringArray(pkg.keywords)) problems.push('keywords: not an array of strings');
  if (pkg.licenses !== undefined) {
    if (!Array.isArray(pkg.licenses) || pkg.licenses.length === 0) problems.push('licenses: not a non-empty array');
    else for (const l of pkg.licenses) if (!isObject(l) || (typeof l.name !== 'string' && typeof l.path !== 'string')) problems.push('licenses[]: needs name or path');
  }
  if (pkg.contributors !== undefined) {
    if (!Array.isArray(pkg.contributors)) problems.push('contributors: not an array');
    else for (const c of pkg.contributors) if (!isObject(c) || typeof c.title !== 'string' || (c.roles !== undefined && !isStringArray(c.roles))) problems.push('contributors[]: needs a title, roles as strings');
  }
  if (!Array.isArray(pkg.resources) || pkg.resources.length === 0) return problems.push('resources: required, a non-empty array'), [];
  const names = new Set<string>();
  for (const [i, r] of pkg.resources.entries()) {
    const at = `resources[${i}]`;
    if (!isObject(r)) {
      problems.push(`${at}: not an object`);
      continue;
    }
    if (typeof r.name !== 'string' || !NAME.test(r.name)) problems.push(`${at}.name: required, lower case, digits, « . _ - » only`);
    else if (names.has(r.name)) problems.push(`${at}.name: not unique`);
    else names.add(r.name);
    if ((r.path === undefined) === (r.data === undefined)) problems.push(`${at}: exactly one of path or data`);
    if (r.path !== undefined && (typeof r.path !== 'string' || r.path.startsWith('/') || r.path.split('/').includes('..'))) problems.push(`${at}.path: a relative POSIX path without ..`);
    for (const key of ['title', 'description', 'format', 'encoding', 'scheme'] as const) if (r[key] !== undefined && typeof r[key] !== 'string') problems.push(`${at}.${key}: not a string`);
    if (r.mediatype !== undefined && !/^[\w.+-]+\/[\w.+-]+$/.test(String(r.mediatype))) problems.push(`${at}.mediatype: not type/subtype`);
    if (r.type !== undefined && r.type !== 'table') problems.push(`${at}.type: only « table » is defined`);
    if (r.type === 'table' && !isObject(r.schema)) problems.push(`${at}.schema: required for a table`);
    if (r.dialect !== undefined) {
      const d = r.dialect;
      if (!isObject(d)) problems.push(`${at}.dialect: not an object`);
      else {
        if (d.header !== undefined && typeof d.header !== 'boolean') problems.push(`${at}.dialect.header: not a boolean`);
        if (d.delimiter !== undefined && (typeof d.delimiter !== 'string' || d.delimiter.length !== 1)) problems.push(`${at}.dialect.delimiter: one character`);
      }
    }
    if (isObject(r.schema)) checkTableSchema(r.schema, `${at}.schema`, problems);
  }
  return pkg.resources.filter(isObject);
}

function checkTableSchema(schema: Json, at: string, problems: string[]): void {
  if (!Array.isArray(schema.fields) || schema.fields.length === 0) return void problems.push(`${at}.fields: required, a non-empty array`);
  const names = schema.fields.map((f) => (isObject(f) ? f.name : undefined));
  schema.fields.forEach((f, i) => {
    const fat = `${at}.fields[${i}]`;
    if (!isObject(f) || typeof f.name !== 'string' || f.name === '') return void problems.push(`${fat}.name: required string`);
    if (names.indexOf(f.name) !== i) problems.push(`${fat}.name: not unique`);
    if (f.type !== undefined && !FIELD_TYPES.includes(f.type as string)) problems.push(`${fat}.type: unknown type ${String(f.type)}`);
    for (const key of ['title', 'description', 'format'] as const) if (f[key] !== undefined && typeof f[key] !== 'string') problems.push(`${fat}.${key}: not a string`);
    const c = f.constraints;
    if (c === undefined) return;
    if (!isObject(c)) return void problems.push(`${fat}.constraints: not an object`);
    for (const key of ['required', 'unique'] as const) if (c[key] !== undefined && typeof c[key] !== 'boolean') problems.push(`${fat}.constraints.${key}: not a boolean`);
    if (c.enum !== undefined && (!Array.isArray(c.enum) || c.enum.length === 0)) problems.push(`${fat}.constraints.enum: a non-empty array`);
    if (c.minimum !== undefined && typeof c.minimum !== 'number') problems.push(`${fat}.constraints.minimum: a number for numeric fields`);
  });
  if (schema.missingValues !== undefined && !isStringArray(schema.missingValues)) problems.push(`${at}.missingValues: strings`);
  if (schema.primaryKey !== undefined && (!isStringArray(schema.primaryKey) || schema.primaryKey.some((k) => !names.includes(k)))) problems.push(`${at}.primaryKey: names of fields`);
  if (schema.foreignKeys !== undefined) {
    if (!Array.isArray(schema.foreignKeys)) return void problems.push(`${at}.foreignKeys: not an array`);
    for (const fk of schema.foreignKeys) {
      const ok = isObject(fk) && isStringArray(fk.fields) && fk.fields.every((k) => names.includes(k)) && isObject(fk.reference) && typeof fk.reference.resource === 'string' && isStringArray(fk.reference.fields) && fk.reference.fields.length === fk.fields.length;
      if (!ok) problems.push(`${at}.foreignKeys[]: fields of this schema, a reference {resource, fields} of the same length`);
    }
  }
}

const VALUE: Record<string, (v: string) => boolean> = {
  string: () => true,
  integer: (v) => /^[+-]?\d+$/.test(v),
  number: (v) => /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v),
  boolean: (v) => ['true', 'false', 'True', 'False', 'TRUE', 'FALSE', '1', '0'].includes(v),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  datetime: (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(v) && !Number.isNaN(Date.parse(v)),
};

/** The rows of each table resource, read back as its schema says, with every breach of the schema. */
export function dataPackageProblems(descriptor: unknown, files: Record<string, string>): { problems: string[]; tables: Map<string, Record<string, string>[]> } {
  const problems: string[] = [];
  const resources = checkDescriptor(descriptor, problems);
  const tables = new Map<string, Record<string, string>[]>();
  for (const r of resources) {
    const name = String(r.name);
    if (typeof r.path !== 'string' || !(r.path in files)) {
      problems.push(`${name}: file ${String(r.path)} missing from the package`);
      continue;
    }
    if (r.type !== 'table' || !isObject(r.schema) || !Array.isArray(r.schema.fields)) continue;
    const fields = r.schema.fields as { name: string; type?: string; constraints?: { required?: boolean; unique?: boolean; enum?: string[]; minimum?: number } }[];
    const missing = (r.schema.missingValues as string[] | undefined) ?? [''];
    const delimiter = (isObject(r.dialect) && typeof r.dialect.delimiter === 'string' ? r.dialect.delimiter : ',');
    const rows = parse(files[r.path]!, { delimiter, relax_column_count: false }) as string[][];
    const header = rows.shift() ?? [];
    if (header.join('\u0000') !== fields.map((f) => f.name).join('\u0000')) problems.push(`${name}: header ${header.join(',')} is not the schema's fields`);
    const records = rows.map((row) => Object.fromEntries(fields.map((f, i) => [f.name, row[i] ?? ''])));
    tables.set(name, records);
    for (const f of fields) {
      const seen = new Set<string>();
      records.forEach((rec, i) => {
        const v = rec[f.name]!;
        const at = `${name} row ${i + 2}, ${f.name}`;
        if (missing.includes(v)) {
          if (f.constraints?.required) problems.push(`${at}: required`);
          return;
        }
        if (!(VALUE[f.type ?? 'string'] ?? (() => true))(v)) problems.push(`${at}: « ${v} » is not a ${f.type}`);
        if (f.constraints?.enum && !f.constraints.enum.includes(v)) problems.push(`${at}: « ${v} » not in enum`);
        if (f.constraints?.minimum !== undefined && Number(v) < f.constraints.minimum) problems.push(`${at}: below minimum`);
        if (f.constraints?.unique && seen.has(v)) problems.push(`${at}: not unique`);
        seen.add(v);
      });
    }
    const key = r.schema.primaryKey as string[] | undefined;
    if (key) {
      const keys = records.map((rec) => key.map((k) => rec[k]).join('\u0000'));
      if (new Set(keys).size !== keys.length) problems.push(`${name}: primary key not unique`);
    }
  }
  for (const r of resources) {
    for (const fk of ((isObject(r.schema) ? r.schema.foreignKeys : undefined) as { fields: string[]; reference: { resource: string; fields: string[] } }[] | undefined) ?? []) {
      const target = tables.get(fk.reference.resource || String(r.name));
      if (!target) {
        problems.push(`${String(r.name)}: foreign key to unknown resource ${fk.reference.resource}`);
        continue;
      }
      const known = new Set(target.map((rec) => fk.reference.fields.map((k) => rec[k]).join('\u0000')));
      for (const rec of tables.get(String(r.name)) ?? []) {
        const value = fk.fields.map((k) => rec[k]).join('\u0000');
        if (!known.has(value)) problems.push(`${String(r.name)}: ${fk.fields.join(',')} « ${value} » not found in ${fk.reference.resource}`);
      }
    }
  }
  return { problems, tables };
}
