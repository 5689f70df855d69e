/**
 * Checks a Frictionless Data Package (v2) as the standard defines it: the descriptor against the published
 * JSON Schema profiles (Data Package, and each resource's Table Schema and Table Dialect against their own),
 * then what no JSON Schema can say: names that must be unique or must name a field, and every CSV resource
 * read back against its Table Schema (header, types, constraints, primary and foreign keys).
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The profiles published at https://datapackage.org/profiles/2.0/, vendored (source and licence in their README). */
function profile(name: string): Json {
  return JSON.parse(readFileSync(new URL(`../fixtures/datapackage-profiles-2.0/${name}.json`, import.meta.url), 'utf8')) as Json;
}

function compileProfiles() {
  // Draft-07 reads a keyword it does not know as an annotation (the profiles carry several for form builders and
  // documentation: propertyOrder, context, example…); ajv's strict mode, its own addition, would refuse them.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addFormat('textarea', true);
  const compile = (name: string) => ajv.compile(profile(name));
  return { datapackage: compile('datapackage'), tableschema: compile('tableschema'), tabledialect: compile('tabledialect') };
}

let profiles: ReturnType<typeof compileProfiles> | undefined;

function schemaProblems(validate: ValidateFunction, value: unknown, at: string): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${at}${e.instancePath}: ${e.message ?? e.keyword} (${e.schemaPath})`);
}

/** The standard's rules a JSON Schema cannot express: unique names, keys naming the schema's own fields. */
function crossReferenceProblems(resources: Json[]): string[] {
  const problems: string[] = [];
  const resourceNames = resources.map((r) => r.name);
  resources.forEach((r, i) => {
    const at = `resources[${i}]`;
    if (resourceNames.indexOf(r.name) !== i) problems.push(`${at}.name: not unique`);
    if (typeof r.path === 'string' && (r.path.startsWith('/') || r.path.split('/').includes('..'))) problems.push(`${at}.path: a relative POSIX path without ..`);
    if (!isObject(r.schema) || !Array.isArray(r.schema.fields)) return;
    const names = r.schema.fields.map((f) => (isObject(f) ? f.name : undefined));
    names.forEach((name, j) => names.indexOf(name) !== j && problems.push(`${at}.schema.fields[${j}].name: not unique`));
    const key = r.schema.primaryKey;
    if (Array.isArray(key) && key.some((k) => !names.includes(k))) problems.push(`${at}.schema.primaryKey: names of fields`);
    for (const fk of (r.schema.foreignKeys as { fields: string[]; reference: { resource?: string; fields: string[] } }[] | undefined) ?? []) {
      if (fk.fields.some((k) => !names.includes(k)) || fk.reference.fields.length !== fk.fields.length) problems.push(`${at}.schema.foreignKeys[]: fields of this schema, a reference of the same length`);
    }
  });
  return problems;
}

const VALUE: Record<string, (v: string) => boolean> = {
  string: () => true,
  integer: (v) => /^[+-]?\d+$/.test(v),
  number: (v) => /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v),
  boolean: (v) => ['true', 'false', 'True', 'False', 'TRUE', 'FALSE', '1', '0'].includes(v),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  datetime: (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(v) && !Number.isNaN(Date.parse(v)),
};

interface FieldSpec {
  name: string;
  type?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[]; minimum?: number };
}

/** A CSV resource's rows, read as its dialect says, each value checked against its field. */
function tableProblems(r: Json, csv: string, problems: string[]): Record<string, string>[] {
  const name = String(r.name);
  const schema = r.schema as { fields: FieldSpec[]; missingValues?: string[]; primaryKey?: string[] };
  const missing = schema.missingValues ?? [''];
  const delimiter = isObject(r.dialect) && typeof r.dialect.delimiter === 'string' ? r.dialect.delimiter : ',';
  const rows = parse(csv, { delimiter, relax_column_count: false }) as string[][];
  const header = rows.shift() ?? [];
  if (header.join('\u0000') !== schema.fields.map((f) => f.name).join('\u0000')) problems.push(`${name}: header ${header.join(',')} is not the schema's fields`);
  const records = rows.map((row) => Object.fromEntries(schema.fields.map((f, i) => [f.name, row[i] ?? ''])));
  for (const f of schema.fields) {
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
  if (schema.primaryKey) {
    const keys = records.map((rec) => schema.primaryKey!.map((k) => rec[k]).join('\u0000'));
    if (new Set(keys).size !== keys.length) problems.push(`${name}: primary key not unique`);
  }
  return records;
}

/** The rows of each table resource, read back as its schema says, with every breach of the standard. */
export function dataPackageProblems(descriptor: unknown, files: Record<string, string>): { problems: string[]; tables: Map<string, Record<string, string>[]> } {
  profiles ??= compileProfiles();
  const problems = schemaProblems(profiles.datapackage, descriptor, 'datapackage.json');
  const tables = new Map<string, Record<string, string>[]>();
  if (!isObject(descriptor) || !Array.isArray(descriptor.resources)) return { problems, tables };
  const resources = descriptor.resources.filter(isObject);
  resources.forEach((r, i) => {
    if (isObject(r.schema)) problems.push(...schemaProblems(profiles!.tableschema, r.schema, `resources[${i}].schema`));
    if (isObject(r.dialect)) problems.push(...schemaProblems(profiles!.tabledialect, r.dialect, `resources[${i}].dialect`));
  });
  problems.push(...crossReferenceProblems(resources));
  if (problems.length > 0) return { problems, tables };

  for (const r of resources) {
    if (typeof r.path !== 'string' || !(r.path in files)) {
      problems.push(`${String(r.name)}: file ${String(r.path)} missing from the package`);
      continue;
    }
    if (isObject(r.schema) && Array.isArray(r.schema.fields)) tables.set(String(r.name), tableProblems(r, files[r.path]!, problems));
  }
  for (const r of resources) {
    for (const fk of ((isObject(r.schema) ? r.schema.foreignKeys : undefined) as { fields: string[]; reference: { resource?: string; fields: string[] } }[] | undefined) ?? []) {
      // An empty or absent reference resource names the resource itself (a self-reference).
      const target = tables.get(fk.reference.resource || String(r.name));
      if (!target) {
        problems.push(`${String(r.name)}: foreign key to unknown resource ${String(fk.reference.resource)}`);
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
