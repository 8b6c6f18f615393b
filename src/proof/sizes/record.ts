/**
 * A witness's sides as size-generic expressions. Each side is recorded (src/symbolic/recording.ts)
 * twice, with every size class of the witness's variables (the distinct sizes > 1 of their rows and
 * columns) set to a distinct prime — 5, 7, 11, … the first time and 23, 29, 31, … the second — and
 * the two trees are compared node by node. They agree exactly when the side computes the same
 * expression at every size: a size written as a number in the step's code (eye(F, 2), a 4-entry
 * accumulator, `rows(X)` used as a count) shows as a difference or as a shape error, and the step
 * is refused with that reason. A number that the side derives from the sizes (N·p as `rows·cols`)
 * is recognized as the monomial it is, by unique factorization over the primes.
 */
import { isLogLinear } from '../../symbolic/loglinear.ts';
import { recordedMatrix, recordingField, RecordingRefusal, nodeOfMatrix, type MatNode, type ScalarNode } from '../../symbolic/recording.ts';
import type { AlgebraicWitnessSpec, Env, Side, VarSpec } from '../types.ts';

/** q · Π (size of class k)^exps[k] (q a positive integer). */
export interface Dim {
  q: number;
  exps: number[];
}

export type SizedScalar =
  | { op: 'const'; num: number; den: number }
  | { op: 'symbol'; name: string }
  /** num/den · Π (size of class k)^exps[k]: a number the side derived from the sizes. */
  | { op: 'sizes'; num: number; den: number; exps: number[] }
  | { op: 'add' | 'sub' | 'mul' | 'div'; a: SizedScalar; b: SizedScalar }
  | { op: 'neg'; a: SizedScalar }
  | { op: 'trace' | 'det'; m: SizedMat };

export type SizedMat = (
  | { op: 'var'; name: string; spec: Extract<VarSpec, { kind: 'matrix' }> }
  | { op: 'identity' }
  | { op: 'zero' }
  | { op: 'mul' | 'add' | 'sub' | 'kron' | 'hadamard' | 'solve' | 'stein' | 'steinTransposed'; a: SizedMat; b: SizedMat }
  | { op: 'scale'; s: SizedScalar; a: SizedMat }
  | { op: 'transpose' | 'vec' | 'inverse'; a: SizedMat }
  | { op: 'power'; a: SizedMat; k: number }
  | { op: 'diag'; entries: SizedScalar[] }
  | { op: 'literal'; entries: SizedScalar[][] }
  /** Stacked rows of whole matrices (its own rows are the sum of theirs: `rows` is not used). */
  | { op: 'vstack'; parts: SizedMat[] }
) & { rows: Dim; cols: Dim };

export type SizedSide = { kind: 'matrix'; m: SizedMat } | { kind: 'scalar'; s: SizedScalar };

/** The size classes of a witness: the distinct sizes > 1 of its matrix variables, ascending, with names. */
export interface SizeClasses {
  tested: number[];
  names: string[];
}

const PRIMES_FIRST = [5, 7, 11, 13, 17, 19];
const PRIMES_SECOND = [23, 29, 31, 37, 41, 43];
const CLASS_NAMES = ['n', 'p', 'q', 'r', 's', 't'];

export function sizeClasses(variables: VarSpec[]): SizeClasses {
  const tested = [...new Set(variables.flatMap((v) => (v.kind === 'matrix' ? [v.rows, v.cols] : [])).filter((n) => n > 1))].sort((a, b) => a - b);
  if (tested.length > PRIMES_FIRST.length) throw new RecordingRefusal(`matrices of ${tested.length} different sizes (at most ${PRIMES_FIRST.length} are compared)`);
  return { tested, names: tested.length === 1 ? ['N'] : CLASS_NAMES.slice(0, tested.length) };
}

/** The value of a dimension when class k has size sizes[k]. */
export function dimValue(d: Dim, sizes: readonly number[]): number {
  return d.exps.reduce((p, e, k) => p * sizes[k] ** e, d.q);
}

/** Factors a positive integer over the primes: exponents and the cofactor left. */
function factorOver(n: number, primes: readonly number[]): { q: number; exps: number[] } {
  if (!(n > 0)) return { q: n, exps: primes.map(() => 0) };
  let q = n;
  const exps = primes.map((p) => {
    let e = 0;
    while (q % p === 0) {
      q /= p;
      e++;
    }
    return e;
  });
  return { q, exps };
}

class SizeDifference extends RecordingRefusal {}

function dimOf(first: number, second: number, classes: number, where: string): Dim {
  const f = factorOver(second, PRIMES_SECOND.slice(0, classes));
  if (f.q <= 0 || dimValue(f, PRIMES_FIRST) !== first) throw new SizeDifference(`a size that does not follow the variables' sizes (${where}: ${first} and ${second} at two sizes): a size written as a number`);
  return f;
}

function constOf(a: { num: number; den: number }, b: { num: number; den: number }, classes: number): SizedScalar {
  if (a.num * b.den === b.num * a.den) return { op: 'const', num: a.num, den: a.den };
  // b = q · Π pᵢ^eᵢ over the second primes (numerator and denominator apart); a must be the same monomial at the first primes
  const fn = factorOver(Math.abs(b.num), PRIMES_SECOND.slice(0, classes));
  const fd = factorOver(b.den, PRIMES_SECOND.slice(0, classes));
  const exps = fn.exps.map((e, k) => e - fd.exps[k]);
  const num = Math.sign(b.num) * fn.q;
  const first = exps.reduce((x, e, k) => x * PRIMES_FIRST[k] ** e, num / fd.q);
  if (exps.some((e) => e !== 0) && Math.abs(first - a.num / a.den) <= 1e-12 * Math.abs(first)) return { op: 'sizes', num, den: fd.q, exps };
  throw new SizeDifference(`a number that depends on the size other than as a monomial in the sizes (${a.num}/${a.den} and ${b.num}/${b.den} at two sizes)`);
}

/** The size-generic tree of two recordings of one side, or a SizeDifference at the first difference. */
function mergeScalar(a: ScalarNode, b: ScalarNode, classes: number, specs: Map<string, VarSpec>): SizedScalar {
  if (a.op !== b.op) throw new SizeDifference(`the side computes different expressions at two sizes (${a.op} and ${b.op})`);
  switch (a.op) {
    case 'const':
      return constOf(a, b as typeof a, classes);
    case 'symbol':
      if (a.name !== (b as typeof a).name) throw new SizeDifference(`different scalars at two sizes (${a.name}, ${(b as typeof a).name})`);
      return { op: 'symbol', name: a.name };
    case 'neg':
      return { op: 'neg', a: mergeScalar(a.a, (b as typeof a).a, classes, specs) };
    case 'trace':
    case 'det':
      return { op: a.op, m: mergeMat(a.m, (b as typeof a).m, classes, specs) };
    default: {
      const y = b as typeof a;
      return { op: a.op, a: mergeScalar(a.a, y.a, classes, specs), b: mergeScalar(a.b, y.b, classes, specs) };
    }
  }
}

function mergeMat(a: MatNode, b: MatNode, classes: number, specs: Map<string, VarSpec>): SizedMat {
  if (a.op !== b.op) throw new SizeDifference(`the side computes different expressions at two sizes (${a.op} and ${b.op})`);
  if (a.op === 'vstack') {
    const y = b as typeof a;
    if (a.parts.length !== y.parts.length) throw new SizeDifference('a different number of stacked matrices at two sizes');
    const parts = a.parts.map((p, i) => mergeMat(p, y.parts[i], classes, specs));
    return { op: 'vstack', parts, rows: { q: 0, exps: [] }, cols: parts[0].cols };
  }
  const dims = { rows: dimOf(a.rows, b.rows, classes, `rows of a ${a.op}`), cols: dimOf(a.cols, b.cols, classes, `columns of a ${a.op}`) };
  const m = (x: MatNode, y: MatNode) => mergeMat(x, y, classes, specs);
  switch (a.op) {
    case 'var': {
      const spec = specs.get(a.name);
      if (a.name !== (b as typeof a).name || !spec || spec.kind !== 'matrix') throw new SizeDifference(`different matrices at two sizes (${a.name})`);
      return { op: 'var', name: a.name, spec, ...dims };
    }
    case 'identity':
    case 'zero':
      return { op: a.op, ...dims };
    case 'scale':
      return { op: 'scale', s: mergeScalar(a.s, (b as typeof a).s, classes, specs), a: m(a.a, (b as typeof a).a), ...dims };
    case 'transpose':
    case 'vec':
    case 'inverse':
      return { op: a.op, a: m(a.a, (b as typeof a).a), ...dims };
    case 'power':
      if (a.k !== (b as typeof a).k) throw new SizeDifference(`a matrix power whose exponent depends on the size (${a.k} and ${(b as typeof a).k})`);
      return { op: 'power', a: m(a.a, (b as typeof a).a), k: a.k, ...dims };
    case 'diag': {
      const y = b as typeof a;
      if (a.entries.length !== y.entries.length) throw new SizeDifference('a diagonal matrix of a fixed number of entries');
      return { op: 'diag', entries: a.entries.map((e, i) => mergeScalar(e, y.entries[i], classes, specs)), ...dims };
    }
    case 'literal': {
      const y = b as typeof a;
      return { op: 'literal', entries: a.entries.map((r, i) => r.map((e, j) => mergeScalar(e, y.entries[i][j], classes, specs))), ...dims };
    }

    default: {
      const y = b as typeof a;
      return { op: a.op, a: m(a.a, y.a), b: m(a.b, y.b), ...dims };
    }
  }
}

/** The recording environment: each class at its prime, scalars as symbols (or their fixed values). */
function recordingEnv(variables: VarSpec[], classes: SizeClasses, primes: readonly number[]): Env<ScalarNode> {
  const size = (n: number) => (n === 1 ? 1 : primes[classes.tested.indexOf(n)]);
  const matrices = new Map<string, ScalarNode[][]>();
  const scalars = new Map<string, ScalarNode>();
  for (const v of variables) {
    if (v.kind === 'matrix') matrices.set(v.name, recordedMatrix({ op: 'var', name: v.name, rows: size(v.rows), cols: size(v.cols) }));
    else if (v.domain === 'complex') throw new RecordingRefusal(`complex values (the scalar ${v.name})`);
    else scalars.set(v.name, v.value ? recordingField.rational(v.value[0], v.value[1]) : { op: 'symbol', name: v.name });
  }
  return {
    s: (name) => {
      const x = scalars.get(name);
      if (!x) throw new RangeError(`unknown scalar variable ${name}`);
      return x;
    },
    m: (name) => {
      const x = matrices.get(name);
      if (!x) throw new RangeError(`unknown matrix variable ${name}`);
      return x;
    },
  };
}

function recordOnce(side: Side, variables: VarSpec[], classes: SizeClasses, primes: readonly number[]): MatNode | ScalarNode {
  const value = side(recordingField, recordingEnv(variables, classes, primes));
  if (isLogLinear(value)) throw new RecordingRefusal('logarithms (a value r + Σ c·log a, e.g. of determinants)');
  return Array.isArray(value) ? nodeOfMatrix(value as ScalarNode[][]) : (value as ScalarNode);
}

/**
 * Both sides of a witness as size-generic trees, or the reason they are not. Errors other than a
 * refusal (a shape error at another size) are reasons too: the side's code fixes a size.
 */
export function recordWitness(w: AlgebraicWitnessSpec): { lhs: SizedSide; rhs: SizedSide; classes: SizeClasses } | { refused: string } {
  if (w.complex) return { refused: 'complex values (conjugation; eigendecompositions with complex spectra)' };
  let classes: SizeClasses;
  try {
    classes = sizeClasses(w.variables);
  } catch (e) {
    return { refused: (e as Error).message };
  }
  const specs = new Map(w.variables.map((v) => [v.name, v]));
  const record = (side: Side, which: string): SizedSide => {
    let first: MatNode | ScalarNode;
    let second: MatNode | ScalarNode;
    try {
      first = recordOnce(side, w.variables, classes, PRIMES_FIRST);
      second = recordOnce(side, w.variables, classes, PRIMES_SECOND);
    } catch (e) {
      if (e instanceof RecordingRefusal) throw e;
      throw new RecordingRefusal(`the ${which} does not evaluate at other sizes (${(e as Error).message}): a size is fixed in the step's code`);
    }
    const n = classes.tested.length;
    if ('rows' in first) {
      if (!('rows' in second)) throw new SizeDifference(`the ${which} is a matrix at one size and a scalar at another`);
      return { kind: 'matrix', m: mergeMat(first, second as MatNode, n, specs) };
    }
    if ('rows' in second) throw new SizeDifference(`the ${which} is a scalar at one size and a matrix at another`);
    return { kind: 'scalar', s: mergeScalar(first, second as ScalarNode, n, specs) };
  };
  try {
    return { lhs: record(w.lhs, 'left side'), rhs: record(w.rhs, 'right side'), classes };
  } catch (e) {
    if (e instanceof RecordingRefusal) return { refused: e.message };
    throw e;
  }
}
