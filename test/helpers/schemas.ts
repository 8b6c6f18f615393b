/** The published JSON Schemas (schemas/), compiled once with Ajv (draft 2020-12, strict). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const load = (name: string) => ajv.compile(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', name), 'utf8')));
const validators = { report: load('report.schema.json'), fmc: load('fmc.schema.json'), experiment: load('experiment.schema.json') };

/** The schema's complaints about a document (empty: valid), as "path: message" lines. */
export function schemaErrors(which: keyof typeof validators, doc: unknown): string[] {
  const v = validators[which];
  return v(doc) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}`);
}
