/**
 * The JSON Schemas of the files matmem reads back (schemas/*.schema.json, shipped with the package),
 * compiled once with Ajv (draft 2020-12), and their first complaint as one line naming the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

const ajv = new Ajv2020({ allErrors: false, strict: false });
const compiled = new Map<string, ValidateFunction>();

/** The schemas/ folder beside this module's package (src/io/ in a checkout, dist/src/io/ in a build). */
function schemaPath(file: string): string {
  for (const up of ['../../schemas/', '../../../schemas/']) {
    const p = fileURLToPath(new URL(up + file, import.meta.url));
    if (existsSync(p)) return p;
  }
  throw new Error(`schema ${file} is missing from the matmem package`);
}

function validator(file: string): ValidateFunction {
  let v = compiled.get(file);
  if (!v) {
    v = ajv.compile(JSON.parse(readFileSync(schemaPath(file), 'utf8')));
    compiled.set(file, v);
  }
  return v;
}

/** The field a JSON Pointer names, as "runs[3].final.mean.bitErrorPerMatrix". */
export function fieldName(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, k) => (/^\d+$/.test(k) ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '');
}

function valueAt(doc: unknown, pointer: string): unknown {
  let v: unknown = doc;
  for (const k of pointer.split('/').slice(1)) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return v;
}

function describe(e: ErrorObject, doc: unknown): string {
  const field = fieldName(e.instancePath);
  const got = valueAt(doc, e.instancePath);
  const shown = got === undefined ? '' : ` (got ${JSON.stringify(got)?.slice(0, 40)})`;
  switch (e.keyword) {
    case 'required':
      return `${field ? `${field}: ` : ''}the field "${(e.params as { missingProperty: string }).missingProperty}" is missing`;
    case 'enum':
      return `${field} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((x) => JSON.stringify(x)).join(', ')}${shown}`;
    case 'const':
      return `${field || 'the document'} must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}${shown}`;
    case 'type':
      return `${field || 'the document'} must be ${(e.params as { type: string }).type === 'number' ? 'a finite number' : `of type ${(e.params as { type: string }).type}`}${shown}`;
    default:
      return `${field || 'the document'} ${e.message ?? 'is invalid'}${shown}`;
  }
}

/** The first schema violation of `doc` against schemas/`file`, as one line (null: valid). */
export function schemaViolation(file: string, doc: unknown): { pointer: string; message: string } | null {
  const v = validator(file);
  if (v(doc)) return null;
  const e = (v.errors ?? [])[0];
  return e ? { pointer: e.instancePath, message: describe(e, doc) } : { pointer: '', message: 'is not valid' };
}
