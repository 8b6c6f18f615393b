/**
 * The JSON Schemas of what matmem reads back (schemas/*.schema.json, shipped with the package), and
 * their first complaint as one line naming the field.
 *
 * Documents read from disk must have finite numbers (1e999 is refused). In a build they are checked by
 * standalone validators, Ajv's own generated code for each reference, which scripts/build.mjs writes
 * into dist/src/io/validators/ (scripts/build-validators.mjs), so reading a file loads no schema
 * compiler; from the sources, by a runtime Ajv of the same options. Objects made in memory by a user's
 * --load code are checked by a runtime Ajv (numbers may be NaN there; `"isFunction": true` checks that a
 * field is a function). Each runtime Ajv knows every schema and is made on first use.
 */
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { InputError } from '../errors.ts';

const SCHEMA_BASE = 'https://matmem.dev/schemas/';
const require = createRequire(import.meta.url);

/** The schemas/ folder beside this module's package (src/io/ in a checkout, dist/src/io/ in a build). */
function schemaDir(): string {
  for (const up of ['../../schemas/', '../../../schemas/']) {
    const p = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(`${p}report.schema.json`)) return p;
  }
  throw new Error('the schemas/ folder is missing from the matmem package');
}

/**
 * One runtime Ajv with every schema of schemas/ (loaded on first use). The schemas are not checked
 * against the draft 2020-12 meta-schema here: they ship with matmem, and test/io/schema.test.ts checks
 * each of them against it.
 */
export function makeAjv(strictNumbers: boolean, validateSchema = false): Ajv2020 {
  const Ajv = (require('ajv/dist/2020.js') as { default: typeof Ajv2020 }).default;
  const ajv = new Ajv({ allErrors: false, strict: false, strictNumbers, validateSchema });
  ajv.addKeyword({ keyword: 'isFunction', schemaType: 'boolean', validate: (want: boolean, data: unknown) => (typeof data === 'function') === want, errors: false });
  const dir = schemaDir();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.schema.json')).sort()) ajv.addSchema(JSON.parse(readFileSync(dir + f, 'utf8')));
  return ajv;
}

const runtime: { files?: Ajv2020; values?: Ajv2020 } = {};
const compiled = new Map<string, ValidateFunction>();

/**
 * The standalone validator of a file reference in `dir` ("experiment.schema.json#/$defs/run": module
 * experiment.schema.cjs, export def_run), or undefined where there is none (running from the sources).
 */
export function standaloneValidator(ref: string, dir = './validators/'): ValidateFunction | undefined {
  const [file, fragment = ''] = ref.split('#');
  const path = `${dir}${file.replace(/\.json$/, '.cjs')}`;
  if (!existsSync(fileURLToPath(new URL(path, import.meta.url)))) return undefined;
  const mod = require(path) as Record<string, ValidateFunction>;
  return mod[fragment === '' ? 'root' : fragment.replace('/$defs/', 'def_')];
}

/** The validator of `ref`: a schema file name ("checkpoint.schema.json") with an optional fragment ("#/$defs/run"). */
function validator(ref: string, values: boolean): ValidateFunction {
  const key = `${values ? 'v' : 'f'}:${ref}`;
  let v = compiled.get(key);
  if (!v) {
    v = values ? (runtime.values ??= makeAjv(false)).getSchema(SCHEMA_BASE + ref) : (standaloneValidator(ref) ?? (runtime.files ??= makeAjv(true)).getSchema(SCHEMA_BASE + ref));
    if (!v) throw new Error(`schema ${ref} is missing from the matmem package`);
    compiled.set(key, v);
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

function shown(got: unknown): string {
  if (got === undefined) return '';
  if (typeof got === 'function') return ' (got a function)';
  if (typeof got === 'number' && !Number.isFinite(got)) return ` (got ${got})`;
  const text = JSON.stringify(got) ?? String(got);
  return ` (got ${text.length > 40 ? `${text.slice(0, 39)}…` : text})`;
}

function describe(e: ErrorObject, doc: unknown): string {
  const field = fieldName(e.instancePath);
  const got = shown(valueAt(doc, e.instancePath));
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${field ? `${field}: ` : ''}the field "${p.missingProperty as string}" is missing`;
    case 'enum':
      return `${field || 'the document'} must be one of ${(p.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(', ')}${got}`;
    case 'const':
      return `${field || 'the document'} must be ${JSON.stringify(p.allowedValue)}${got}`;
    case 'type':
      return `${field || 'the document'} must be ${p.type === 'number' ? 'a finite number' : p.type === 'integer' ? 'an integer' : `of type ${p.type as string}`}${got}`;
    case 'additionalProperties':
      return `${field || 'the document'} has an unknown field "${p.additionalProperty as string}"`;
    case 'isFunction':
      return `${field || 'the value'} must be a function${got}`;
    case 'pattern':
      return `${field || 'the document'} is not ${/A-Za-z0-9\+\//.test(String(p.pattern)) ? 'base64 text' : 'in the expected form'}${got}`;
    default:
      return `${field || 'the document'} ${e.message ?? 'is invalid'}${got}`;
  }
}

/** The first schema violation of `doc` against `ref` (a file of schemas/, optionally "#/$defs/…"), as one line (null: valid). */
export function schemaViolation(ref: string, doc: unknown, opts: { values?: boolean } = {}): { pointer: string; message: string } | null {
  const v = validator(ref, opts.values ?? false);
  if (v(doc)) return null;
  const e = (v.errors ?? [])[0];
  return e ? { pointer: e.instancePath, message: describe(e, doc) } : { pointer: '', message: 'is not valid' };
}

/** Throws an InputError "`where`: <the first violation>" unless `doc` is valid against `ref`. */
export function assertSchema(ref: string, doc: unknown, where: string): void {
  const bad = schemaViolation(ref, doc);
  if (bad) throw new InputError(`${where}: ${bad.message}`);
}
