/**
 * Loading a case of Eq. 5: a JSON case file `{ "U": [[..]], "V": [[..]], "W": [[..]], "e1"?: 1, "e2"?: 1 }`
 * (other keys ignored; schemas/case.schema.json), or single matrices from --u/--v/--w files; --e1/--e2
 * override the file. Shapes and value ranges are checked by validateCase.
 */
import { InputError } from '../errors.ts';
import { matrixFromRows, validateCase, type MatrixCase } from '../models/case.ts';
import { readJsonInput } from './json-input.ts';
import { readMatrixFile } from './matrix-file.ts';
import { assertSchema } from './schema.ts';

export interface CaseSource {
  case?: string;
  u?: string;
  v?: string;
  w?: string;
  e1?: number;
  e2?: number;
}

export function loadCase(src: CaseSource): MatrixCase {
  const single = [src.u, src.v, src.w].filter((x) => x !== undefined).length;
  if (src.case && single > 0) throw new InputError('give either --case FILE or --u/--v/--w FILES, not both');
  let raw: { U: unknown; V: unknown; W: unknown; e1?: unknown; e2?: unknown };
  if (src.case) {
    const parsed = readJsonInput(src.case, 'caseFile', 'case file');
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new InputError(`${src.case}: a case file must be a JSON object with keys U, V, W`);
    assertSchema('case.schema.json', parsed, src.case);
    const obj = parsed as Record<string, unknown>;
    raw = { U: obj.U, V: obj.V, W: obj.W, e1: obj.e1, e2: obj.e2 };
  } else if (single === 3) {
    raw = { U: readMatrixFile(src.u as string), V: readMatrixFile(src.v as string), W: readMatrixFile(src.w as string) };
  } else if (single > 0) {
    throw new InputError('--u, --v and --w must be given together');
  } else {
    throw new InputError('no case given: use --case FILE (JSON with U, V, W) or --u/--v/--w FILES');
  }
  const e1 = src.e1 ?? (raw.e1 as number | undefined) ?? 1;
  const e2 = src.e2 ?? (raw.e2 as number | undefined) ?? 1;
  // a matrix file's problem names the file it came from
  const files: Record<string, string | undefined> = src.case ? {} : { U: src.u, V: src.v, W: src.w };
  const matrix = (name: 'U' | 'V' | 'W', rows: unknown) => {
    try {
      return matrixFromRows(name, rows);
    } catch (err) {
      if (err instanceof InputError && files[name]) throw new InputError(`${files[name]}: ${err.message}`);
      throw err;
    }
  };
  return validateCase({ U: matrix('U', raw.U), V: matrix('V', raw.V), W: matrix('W', raw.W), e1, e2 });
}
